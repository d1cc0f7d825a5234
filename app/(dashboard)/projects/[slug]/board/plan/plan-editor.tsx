"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Effort } from "@/components/roadmap/effort";
import { SeverityBadge } from "@/components/ui/severity-badge";
import type { AutoPlan, PlannedItem } from "@/lib/roadmap/planning/auto-plan";
import { applyAutoPlanAction } from "../actions";

type Props = { slug: string; proposal: AutoPlan & { capacityHours: number } };

const LEFT_OUT = -1;

/**
 * The proposal, to adjust before applying: rename a sprint, move a finding to another sprint or
 * leave it out. Each sprint shows its effort against the capacity; nothing is written until
 * "Apply", which creates the sprints and items in one transaction.
 */
export function PlanEditor({ slug, proposal }: Props) {
  const t = useTranslations("board");
  const tc = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [names, setNames] = useState(() => proposal.sprints.map((s) => s.name));
  const everything: PlannedItem[] = [...proposal.sprints.flatMap((s) => s.items), ...proposal.unplanned];
  const [placed, setPlaced] = useState<Record<string, number>>(() =>
    Object.fromEntries(everything.map((item) => [item.findingId, proposal.sprints.findIndex((s) => s.items.includes(item))])),
  );
  const [state, setState] = useState<{ pending: boolean; error?: string }>({ pending: false });
  const capacity = proposal.capacityHours * 60;
  const inSprint = (index: number) => everything.filter((item) => placed[item.findingId] === index);

  async function apply() {
    setState({ pending: true });
    const sprints = names.map((name, index) => ({ name, findingIds: inSprint(index).map((i) => i.findingId) }));
    const result = await applyAutoPlanAction(slug, { sprints });
    if (!result.ok) return setState({ pending: false, error: Object.values(result.fieldErrors ?? {}).flat().join(" ") || result.error });
    router.push(`/projects/${slug}/board?planned=${result.items ?? 0}`);
  }

  const row = (item: PlannedItem) => (
    <li key={item.findingId} className="flex flex-wrap items-center gap-2 py-2 text-sm" data-testid="plan-item">
      <SeverityBadge severity={item.severity} label={tc(`severity.${item.severity}`)} />
      <span className="min-w-0 flex-1 break-words">{item.ref ? `${item.ref} · ` : ""}{item.title}</span>
      <span className="text-xs text-slate-600">
        <Effort minutes={item.effortMinutes} minutesHigh={null} />
        {item.estimated && <> ({t(`estimated.${item.estimated}`)})</>}
      </span>
      <span className="text-xs text-slate-500">{t("roiValue", { value: format.number(item.roi, { maximumFractionDigits: 1 }) })}</span>
      <label className="text-xs">
        <span className="sr-only">{t("sprintFor", { title: item.title })}</span>
        <select
          value={placed[item.findingId]}
          onChange={(e) => setPlaced((p) => ({ ...p, [item.findingId]: Number(e.currentTarget.value) }))}
          className="rounded-md border border-slate-300 px-1.5 py-1"
          data-testid="plan-item-sprint"
        >
          {names.map((name, index) => <option key={index} value={index}>{name || t("unnamed")}</option>)}
          <option value={LEFT_OUT}>{t("leaveOut")}</option>
        </select>
      </label>
    </li>
  );

  const leftOut = inSprint(LEFT_OUT);
  return (
    <div className="space-y-4" data-testid="plan-editor">
      {names.map((name, index) => {
        const items = inSprint(index);
        const effort = items.reduce((sum, i) => sum + i.effortMinutes, 0);
        const over = effort > capacity;
        return (
          <section key={index} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="plan-sprint">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <label className="text-sm">
                <span className="sr-only">{t("sprintName")}</span>
                <input value={name} onChange={(e) => setNames((n) => n.map((x, i) => (i === index ? e.currentTarget.value : x)))} className="rounded-md border border-slate-300 px-2 py-1 font-semibold" data-testid="plan-sprint-name" />
              </label>
              <p className={`text-sm ${over ? "font-medium text-amber-800" : "text-slate-600"}`} data-testid="plan-sprint-effort">
                {t("planEffort", { count: items.length })} · <Effort minutes={effort} minutesHigh={null} /> / <Effort minutes={capacity} minutesHigh={null} />
                {over && <> · {t("overCapacity")}</>}
              </p>
            </div>
            {items.length ? <ul className="mt-2 divide-y divide-slate-100">{items.map(row)}</ul> : <p className="mt-2 text-sm text-slate-500">{t("planSprintEmpty")}</p>}
          </section>
        );
      })}
      {leftOut.length > 0 && (
        <section className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4" data-testid="plan-left-out">
          <h2 className="font-semibold">{t("leftOut", { count: leftOut.length })}</h2>
          <p className="text-sm text-slate-600">{t("leftOutBody")}</p>
          <ul className="mt-2 divide-y divide-slate-100">{leftOut.map(row)}</ul>
        </section>
      )}
      {proposal.skipped.length > 0 && <p className="text-sm text-slate-500">{t("skipped", { count: proposal.skipped.length })}</p>}
      {state.error && <p className="text-sm text-red-700" data-testid="plan-apply-error">{state.error}</p>}
      <button type="button" onClick={apply} disabled={state.pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="apply-plan">
        {state.pending ? t("applying") : t("applyPlan", { sprints: names.filter((_, i) => inSprint(i).length > 0).length, items: everything.length - leftOut.length })}
      </button>
    </div>
  );
}
