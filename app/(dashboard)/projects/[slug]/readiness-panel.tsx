import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BurnUpChart } from "@/components/charts/burn-up-chart";
import { CategoryScoresChart } from "@/components/charts/category-scores-chart";
import { OpenBySeverityChart } from "@/components/charts/open-by-severity-chart";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { metricKeys } from "@/lib/ingest/metric-keys";
import { findLatestMetrics } from "@/lib/maturity/find-latest-metrics";
import { forecastNextLevel } from "@/lib/maturity/forecast";
import type { Maturity } from "@/lib/maturity/get-maturity";
import { getForecastBaseline, getProjectTrend } from "@/lib/maturity/get-project-trend";
import { gapsOf } from "@/lib/maturity/tally-findings";
import { GateCard } from "./gate-card";
import { HowComputed } from "./how-computed";
import { WhatItTakesCard } from "./what-it-takes-card";

const TREND_DAYS = 90;

/** The project's readiness: level and score with their trend, what the next level takes, the gate, and the charts. */
export async function ReadinessPanel({ slug, projectId, maturity, canEdit }: { slug: string; projectId: string; maturity: Maturity; canEdit: boolean }) {
  const now = new Date();
  const [t, format, trend, baseline, metrics] = await Promise.all([
    getTranslations("maturity"),
    getFormatter(),
    getProjectTrend(projectId, TREND_DAYS, now),
    getForecastBaseline(projectId, now),
    findLatestMetrics(projectId),
  ]);
  const forecast = forecastNextLevel({ level: maturity.level, now: maturity.facts, before: baseline, today: now }, maturity.settings);
  const monthAgo = trend.find((p) => p.date >= new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10));
  const change = monthAgo ? maturity.score - monthAgo.score : null;
  return (
    <section aria-labelledby="readiness-heading" className="space-y-4" data-testid="readiness">
      <h2 id="readiness-heading" className="sr-only">{t("title")}</h2>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-500">{t("level")}</p>
          <p className="mt-1 flex items-baseline gap-2">
            <span className="rounded-md bg-brand-600 px-2 py-0.5 text-lg font-semibold text-white" data-testid="level-badge">L{maturity.level}</span>
            <span className="text-lg font-semibold" data-testid="level-name">{t(`levels.${maturity.level}`)}</span>
          </p>
          <p className="mt-4 text-sm text-slate-500">{t("score")}</p>
          <p className="flex items-baseline gap-2">
            <span className="text-3xl font-semibold tabular-nums" data-testid="overall-score">{format.number(maturity.score, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</span>
            <span className="text-slate-500">/ 100</span>
            {change !== null && Math.abs(change) >= 0.05 && (
              <span className={`text-sm ${change > 0 ? "text-emerald-700" : "text-red-700"}`}>
                {t("change30", { change: format.number(change, { signDisplay: "always", maximumFractionDigits: 1 }) })}
              </span>
            )}
          </p>
          <p className="mt-2 text-sm text-slate-600">{t("openSummary", { open: maturity.facts.openGaps, critical: maturity.open.critical, high: maturity.open.high })}</p>
          <HowComputed settings={maturity.settings} />
        </div>
        <WhatItTakesCard slug={slug} takes={maturity.whatItTakes} forecast={forecast} />
        <GateCard slug={slug} gate={maturity.gate} canEdit={canEdit} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <figure className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-semibold">{t("scoreTrend", { days: TREND_DAYS })}</h3>
          <ScoreTrendChart points={trend.map((p) => ({ date: p.date, score: p.score, level: p.level }))} />
        </figure>
        <figure className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-semibold">{t("categories")}</h3>
          {/* The weakest assessed categories first; those nothing was filed in last. */}
          <CategoryScoresChart categories={[...maturity.categories].sort((a, b) => Number(b.assessed) - Number(a.assessed) || a.score - b.score).map((c) => ({ key: c.key ?? "uncategorised", name: c.key ? c.name : t("uncategorised"), score: c.score, open: gapsOf(c.open), assessed: c.assessed }))} />
        </figure>
        <figure className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-semibold">{t("openOverTime")}</h3>
          <OpenBySeverityChart points={trend.map(({ date, critical, high, medium, low, info }) => ({ date, critical, high, medium, low, info }))} />
        </figure>
        <figure className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-semibold">{t("burnUp")}</h3>
          <BurnUpChart points={trend.map((p) => ({ date: p.date, opened: p.openTotal + p.closedTotal, closed: p.closedTotal }))} />
        </figure>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-semibold">{t("metrics")}</h3>
        {metrics.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">
            {t.rich("noMetrics", { link: (chunks) => <Link href={`/projects/${slug}/scans`} className="font-medium text-brand-700 underline">{chunks}</Link> })}
          </p>
        ) : (
          <dl className="mt-2 grid gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6" data-testid="latest-metrics">
            {metrics.map((m) => (
              <div key={m.key}>
                <dt className="text-slate-500">{t.has(`metricNames.${m.key}`) ? t(`metricNames.${m.key}` as never) : m.key}</dt>
                <dd className="font-semibold tabular-nums">{formatMetric(format, m.key, m.value)}</dd>
                <dd className="text-xs text-slate-500">{m.tool ?? t("fromReport")} · {format.dateTime(m.measuredAt, { dateStyle: "medium" })}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </section>
  );
}

function formatMetric(format: Awaited<ReturnType<typeof getFormatter>>, key: string, value: number): string {
  if (key === metricKeys.errorRate) return format.number(value, { style: "percent", maximumFractionDigits: 2 });
  if (key.startsWith("coverage.")) return `${format.number(value, { maximumFractionDigits: 2 })} %`;
  if (key.startsWith("latency.")) return `${format.number(value, { maximumFractionDigits: 0 })} ms`;
  return format.number(value, { maximumFractionDigits: 2 });
}
