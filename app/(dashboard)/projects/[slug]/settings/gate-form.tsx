"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveGateAction } from "./actions";

type Criterion = { key: string; threshold: number; enabled: boolean; label: string | null; source: string | null };

/** The gate's criteria: each on or off with its threshold; saved together. */
export function GateForm({ slug, criteria }: { slug: string; criteria: Criterion[] }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState(saveGateAction, {});
  const value = (c: Criterion) => state.values?.[`${c.key}.threshold`] ?? String(c.threshold);
  const on = (c: Criterion) => (state.values ? state.values[`${c.key}.enabled`] === "on" : c.enabled);
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="gate-form">
      <input type="hidden" name="projectSlug" value={slug} />
      <div>
        <h2 className="font-semibold">{t("gateTitle")}</h2>
        <p className="text-sm text-slate-600">{t("gateIntro")}</p>
      </div>
      <ul className="divide-y divide-slate-100">
        {criteria.map((c, i) => {
          const errors = state.fieldErrors?.[`criteria.${i}.threshold`];
          return (
            <li key={c.key} className="flex flex-wrap items-center gap-3 py-2">
              <label className="flex min-w-[14rem] flex-1 items-center gap-2 text-sm">
                <input type="checkbox" name={`${c.key}.enabled`} defaultChecked={on(c)} key={`${c.key}-${String(on(c))}`} data-testid={`gate-enabled-${c.key}`} />
                <span>{t(`criteria.${c.key}`)}{c.source === "report" && <span className="ml-1 text-xs text-slate-500">({t("fromReport")})</span>}</span>
              </label>
              {c.key !== "all_tests_pass" ? (
                <label className="flex items-center gap-2 text-sm">
                  <span className="sr-only">{t("threshold", { name: t(`criteria.${c.key}`) })}</span>
                  <input name={`${c.key}.threshold`} defaultValue={value(c)} key={`${c.key}-${value(c)}`} inputMode="decimal" className="w-28 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums" data-testid={`gate-threshold-${c.key}`} aria-invalid={errors ? true : undefined} />
                  <span className="w-12 text-slate-500">{t(`units.${c.key}`)}</span>
                </label>
              ) : (
                <input type="hidden" name={`${c.key}.threshold`} value="1" />
              )}
              {errors && <p className="w-full text-sm text-red-700">{errors.join(" ")}</p>}
            </li>
          );
        })}
      </ul>
      {state.error && !state.fieldErrors && <p className="text-sm text-red-700">{state.error}</p>}
      {state.ok && <p className="text-sm text-emerald-700" data-testid="gate-saved">{t("saved")}</p>}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="save-gate">
        {pending ? t("saving") : t("saveGate")}
      </button>
    </form>
  );
}
