"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { setFindingStatusAction } from "@/app/(dashboard)/projects/[slug]/findings/actions";

const statuses = ["open", "in_progress", "resolved", "risk_accepted", "false_positive", "duplicate"] as const;

export function StatusForm({ projectSlug, findingId, status }: { projectSlug: string; findingId: string; status: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(setFindingStatusAction, {});
  const [chosen, setChosen] = useState(state.values?.status ?? status);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="text-sm font-semibold">{t("findings.changeStatus")}</h2>
      <input type="hidden" name="projectSlug" value={projectSlug} />
      <input type="hidden" name="findingId" value={findingId} />
      <Field name="status" label={t("findings.fields.status")} errors={e.status}>
        {(p) => (
          <select {...p} value={chosen} onChange={(ev) => setChosen(ev.target.value)}>
            {statuses.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        )}
      </Field>
      {chosen === "risk_accepted" && (
        <Field name="riskAcceptedUntil" label={t("findings.fields.riskAcceptedUntil")} errors={e.riskAcceptedUntil}>
          {(p) => <input {...p} type="date" defaultValue={state.values?.riskAcceptedUntil} />}
        </Field>
      )}
      <Field name="statusReason" label={t("findings.fields.statusReason")} errors={e.statusReason}>
        {(p) => <textarea {...p} rows={2} defaultValue={state.values?.statusReason} />}
      </Field>
      {state.error && !state.fieldErrors && <p className="text-sm text-red-700">{state.error}</p>}
      {state.ok && <p className="text-sm text-green-700">{t("findings.statusChanged")}</p>}
      <button type="submit" data-testid="change-status" disabled={pending} className="w-full rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {pending ? t("findings.changingStatus") : t("findings.changeStatus")}
      </button>
    </form>
  );
}
