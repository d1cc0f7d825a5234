"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import type { FindingStatus } from "@/lib/generated/prisma/enums";
import { setFindingStatusAction } from "../actions";

const statuses: FindingStatus[] = ["open", "in_progress", "resolved", "risk_accepted", "false_positive", "duplicate"];

// The expiry field is always there (not shown on choosing "risk accepted") so the form works
// the same by keyboard, with a screen reader and before JavaScript loads.
export function StatusForm({ projectSlug, findingId, status }: { projectSlug: string; findingId: string; status: FindingStatus }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(setFindingStatusAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="text-sm font-semibold">{t("findings.changeStatus")}</h2>
      <input type="hidden" name="projectSlug" value={projectSlug} />
      <input type="hidden" name="findingId" value={findingId} />
      <Field name="status" label={t("findings.fields.status")} errors={e.status}>
        {(p) => (
          <select {...p} defaultValue={v.status ?? status}>
            {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        )}
      </Field>
      <Field name="riskAcceptedUntil" label={t("findings.fields.riskAcceptedUntil")} help={t("findings.fields.riskAcceptedUntilHelp")} errors={e.riskAcceptedUntil}>
        {(p) => <input {...p} type="date" defaultValue={v.riskAcceptedUntil} />}
      </Field>
      <Field name="statusReason" label={t("findings.fields.statusReason")} help={t("findings.fields.statusReasonHelp")} errors={e.statusReason}>
        {(p) => <textarea {...p} rows={2} defaultValue={v.statusReason} maxLength={2000} />}
      </Field>
      {state.error && !state.fieldErrors && <p role="alert" className="text-sm text-red-700">{state.error}</p>}
      {state.ok && <p role="status" className="text-sm text-green-700">{t("findings.statusChanged")}</p>}
      <button type="submit" data-testid="change-status" disabled={pending}
        className="w-full rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? t("findings.changingStatus") : t("findings.changeStatus")}
      </button>
    </form>
  );
}
