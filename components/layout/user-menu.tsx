"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { LanguageSwitch } from "@/components/layout/language-switch";

export function UserMenu({ email, name, roleLabel }: { email: string; name: string | null; roleLabel: string }) {
  const t = useTranslations("nav");
  return (
    <div className="flex min-w-0 items-center gap-2 text-sm sm:gap-3">
      <LanguageSwitch />
      <div className="min-w-0 text-right leading-tight" data-testid="current-user">
        <div className="max-w-[11rem] truncate font-medium sm:max-w-none">{name ?? email}</div>
        <div className="text-xs text-slate-500" data-testid="current-role">{roleLabel}</div>
      </div>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/login" })}
        className="shrink-0 whitespace-nowrap rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100"
      >
        {t("signOut")}
      </button>
    </div>
  );
}
