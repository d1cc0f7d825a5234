"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { revokeTokenAction } from "./actions";

/** Revokes a token after the browser's own confirmation: pipelines using it stop at once. */
export function RevokeTokenButton({ slug, tokenId, name }: { slug: string; tokenId: string; name: string }) {
  const t = useTranslations("tokens");
  const [state, action, pending] = useActionState(revokeTokenAction, {});
  return (
    <form action={action} onSubmit={(e) => { if (!window.confirm(t("confirmRevoke", { name }))) e.preventDefault(); }}>
      <input type="hidden" name="projectSlug" value={slug} />
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" disabled={pending} className="text-sm font-medium text-red-700 underline hover:text-red-800 disabled:opacity-60" data-testid={`revoke-${tokenId}`}>
        {t("revoke")}
      </button>
      {state.error && <p className="text-xs text-red-700">{state.error}</p>}
    </form>
  );
}
