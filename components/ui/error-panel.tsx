"use client";

import { useTranslations } from "next-intl";

// What an error boundary shows: never the server's error text, only a reference to find it in logs.
export function ErrorPanel({ digest, reset }: { digest?: string; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div className="mx-auto my-16 max-w-md rounded-xl border border-slate-200 bg-white p-6 text-center" data-testid="error-panel">
      <p className="text-slate-700">{t("pageFailed")}</p>
      {digest && <p className="mt-2 font-mono text-xs text-slate-500">{t("reference", { digest })}</p>}
      <button type="button" onClick={reset} className="mt-5 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">{t("retry")}</button>
    </div>
  );
}
