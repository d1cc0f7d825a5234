import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Effort } from "@/components/roadmap/effort";
import { SeverityBadge } from "@/components/ui/severity-badge";
import type { Forecast } from "@/lib/maturity/forecast";
import type { Maturity } from "@/lib/maturity/get-maturity";

const SHOWN = 5;

/** What the next level takes, in findings and effort, and when it comes at the recent pace. */
export async function WhatItTakesCard({ slug, takes, forecast }: { slug: string; takes: Maturity["whatItTakes"]; forecast: Forecast }) {
  const [t, tc, format] = await Promise.all([getTranslations("maturity"), getTranslations(), getFormatter()]);
  if (takes.nextLevel === null) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="what-it-takes">
        <p className="text-sm text-slate-500">{t("whatItTakes")}</p>
        <p className="mt-2 font-medium">{t("topLevel")}</p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="what-it-takes">
      <p className="text-sm text-slate-500">{t("whatItTakesFor", { level: takes.nextLevel, name: t(`levels.${takes.nextLevel}`) })}</p>
      {takes.close.length > 0 ? (
        <>
          <p className="mt-2 font-medium" data-testid="what-it-takes-summary">
            {t("closeCount", { count: takes.closeCount })}
            {takes.effortMinutes > 0 && <> · <Effort minutes={takes.effortMinutes} minutesHigh={null} /></>}
            {takes.unknownEffort > 0 && <span className="font-normal text-slate-500"> {t("unknownEffort", { count: takes.unknownEffort })}</span>}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {takes.close.slice(0, SHOWN).map((f) => (
              <li key={f.id} className="flex items-start gap-2">
                <SeverityBadge severity={f.severity} label={tc(`severity.${f.severity}`)} />
                <Link href={`/projects/${slug}/findings/${f.id}`} className="min-w-0 break-words text-brand-700 underline">{f.ref ? `${f.ref} · ` : ""}{f.title}</Link>
              </li>
            ))}
            {takes.closeCount > SHOWN && <li className="text-slate-500">{t("andMore", { count: takes.closeCount - SHOWN })}</li>}
          </ul>
        </>
      ) : null}
      {takes.needsGate && <p className="mt-2 text-sm">{t("needsGate")}</p>}
      <p className="mt-3 border-t border-slate-100 pt-3 text-sm text-slate-700" data-testid="forecast">
        {forecast.kind === "date" && t("forecastDate", { date: format.dateTime(forecast.date, { dateStyle: "medium" }), days: forecast.days })}
        {forecast.kind === "not_converging" && <span className="text-red-700">{t("notConverging")}</span>}
        {forecast.kind === "no_history" && t("noHistory")}
        {forecast.kind === "gate_only" && t("gateOnly")}
        {(forecast.kind === "reached" || forecast.kind === "top") && t("reached")}
      </p>
    </div>
  );
}
