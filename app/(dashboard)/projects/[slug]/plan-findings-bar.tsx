"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { planFindingsAction } from "./board/actions";

export const PLAN_FORM_ID = "plan-findings";

const findingBoxes = () => document.querySelectorAll<HTMLInputElement>(`input[form="${PLAN_FORM_ID}"][name="findingIds"]`);

type Props = { slug: string; sprints: { id: string; name: string }[] };

/**
 * The findings chosen with the table's checkboxes (they belong to this form by its id) become
 * roadmap items of the sprint picked here, each linked to its finding.
 */
export function PlanFindingsBar({ slug, sprints }: Props) {
  const t = useTranslations("board");
  const [state, action, pending] = useActionState(planFindingsAction, {});
  const [chosen, setChosen] = useState(0);

  // The checkboxes live in the table, outside this component: count them as they change.
  useEffect(() => {
    const count = () => setChosen([...findingBoxes()].filter((b) => b.checked).length);
    document.addEventListener("change", count);
    count();
    return () => document.removeEventListener("change", count);
  }, [state]);

  return (
    <form id={PLAN_FORM_ID} action={action} className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm" data-testid="plan-findings">
      <input type="hidden" name="projectSlug" value={slug} />
      <span className="text-slate-600" data-testid="plan-chosen">{t("planChosen", { count: chosen })}</span>
      <label className="flex items-center gap-2">
        <span>{t("planIn")}</span>
        <select name="sprintId" defaultValue={state.values?.sprintId ?? sprints[0]?.id ?? ""} className="rounded-md border border-slate-300 px-2 py-1" data-testid="plan-sprint">
          {sprints.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          <option value="">{t("backlog")}</option>
        </select>
      </label>
      <button type="submit" disabled={pending || chosen === 0} className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="plan-submit">
        {pending ? t("planning") : t("planButton")}
      </button>
      {state.ok && state.message && (
        <p className="text-emerald-700" data-testid="plan-done">
          {state.message} <Link href={`/projects/${slug}/board`} className="font-medium underline">{t("openBoard")}</Link>
        </p>
      )}
      {state.error && <p className="text-red-700" data-testid="plan-error">{state.fieldErrors?.findingIds?.join(" ") ?? state.error}</p>}
    </form>
  );
}

/** Chooses or clears every finding on this page of the table. */
export function ChooseAllFindings({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      data-testid="plan-choose-all"
      onChange={(e) => {
        for (const box of findingBoxes()) box.checked = e.currentTarget.checked;
        document.dispatchEvent(new Event("change"));
      }}
    />
  );
}
