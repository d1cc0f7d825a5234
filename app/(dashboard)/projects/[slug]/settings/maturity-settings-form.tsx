"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { severities } from "@/lib/maturity/score";
import type { MaturitySettings } from "@/lib/maturity/settings";
import { saveMaturitySettingsAction } from "./actions";

const levelFields = ["basicMaxGaps", "intermediateMaxCriticalHigh", "advancedMaxCriticalHigh", "exemplaryMaxGaps"] as const;

/** Severity weights, the half-score penalty and the level thresholds. */
export function MaturitySettingsForm({ slug, settings }: { slug: string; settings: MaturitySettings }) {
  const t = useTranslations("settings");
  const [state, action, pending] = useActionState(saveMaturitySettingsAction, {});
  const v = (name: string, fallback: number) => state.values?.[name] ?? String(fallback);
  const error = (path: string) => state.fieldErrors?.[path]?.join(" ");
  const field = (name: string, label: string, fallback: number, path: string) => (
    <label className="block text-sm" key={name}>
      <span className="font-medium">{label}</span>
      <input name={name} defaultValue={v(name, fallback)} key={`${name}-${v(name, fallback)}`} inputMode="decimal" className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 tabular-nums" aria-invalid={error(path) ? true : undefined} />
      {error(path) && <span className="mt-1 block text-red-700">{error(path)}</span>}
    </label>
  );
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="maturity-form">
      <input type="hidden" name="projectSlug" value={slug} />
      <div>
        <h2 className="font-semibold">{t("scoringTitle")}</h2>
        <p className="text-sm text-slate-600">{t("scoringIntro")}</p>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("weights")}</legend>
        <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-5">
          {severities.map((s) => field(`weight.${s}`, t(`severities.${s}`), settings.severityWeights[s], `severityWeights.${s}`))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">{field("halfScorePenalty", t("halfScorePenalty"), settings.halfScorePenalty, "halfScorePenalty")}</div>
      <fieldset>
        <legend className="text-sm font-medium">{t("levelsTitle")}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {levelFields.map((f) => field(f, t(`levelFields.${f}`), settings.levels[f], `levels.${f}`))}
        </div>
      </fieldset>
      {state.error && !state.fieldErrors && <p className="text-sm text-red-700">{state.error}</p>}
      {state.ok && <p className="text-sm text-emerald-700" data-testid="maturity-saved">{t("saved")}</p>}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="save-maturity">
        {pending ? t("saving") : t("saveScoring")}
      </button>
    </form>
  );
}
