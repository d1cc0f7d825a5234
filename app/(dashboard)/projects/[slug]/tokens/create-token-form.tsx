"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createTokenAction } from "./actions";

/** Names a new token and shows its secret once, with a copy button. */
export function CreateTokenForm({ slug }: { slug: string }) {
  const t = useTranslations("tokens");
  const [state, action, pending] = useActionState(createTokenAction, {});
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="projectSlug" value={slug} />
        <div className="min-w-[14rem] flex-1">
          <label htmlFor="token-name" className="block text-sm font-medium">{t("name")}</label>
          <input id="token-name" name="name" required maxLength={100} defaultValue={state.ok ? "" : (state.values?.name ?? "")} placeholder={t("namePlaceholder")}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" aria-describedby={state.fieldErrors?.name ? "token-name-error" : undefined} />
        </div>
        <button type="submit" disabled={pending} data-testid="create-token" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t("creating") : t("create")}
        </button>
      </form>
      {state.fieldErrors?.name && <p id="token-name-error" className="text-sm text-red-700">{state.fieldErrors.name.join(" ")}</p>}
      {state.error && !state.fieldErrors && <p className="text-sm text-red-700">{state.error}</p>}
      {state.ok && state.token && (
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-950" data-testid="new-token">
          <p className="font-medium">{t("shownOnce", { name: state.name ?? "" })}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="token-secret">{state.token}</code>
            <button type="button" className="rounded border border-amber-300 bg-white px-2 py-1 text-xs font-medium hover:bg-amber-100"
              onClick={() => navigator.clipboard?.writeText(state.token!).then(() => setCopied(true))}>
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
