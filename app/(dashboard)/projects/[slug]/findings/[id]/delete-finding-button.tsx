"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteFindingAction } from "../actions";

export function DeleteFindingButton({ projectSlug, findingId }: { projectSlug: string; findingId: string }) {
  const t = useTranslations("findings");
  const [state, action, pending] = useActionState(deleteFindingAction, {});
  return (
    <form action={action} onSubmit={(e) => { if (!window.confirm(t("deleteConfirm"))) e.preventDefault(); }}>
      <input type="hidden" name="projectSlug" value={projectSlug} />
      <input type="hidden" name="findingId" value={findingId} />
      <button type="submit" data-testid="delete-finding" disabled={pending}
        className="rounded-md border border-red-300 bg-white px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60">
        {pending ? t("deleting") : t("delete")}
      </button>
      {state.error && <p role="alert" className="mt-1 text-xs text-red-700">{state.error}</p>}
    </form>
  );
}
