"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import {
  ChartEmpty,
  ChartFrame,
  axisTick,
  chartHeight,
  chartMargin,
  gridStroke,
  legendStyle,
  scoreTicks,
  seriesColours,
  severityColours,
  tooltipStyle,
  useChartFormat,
} from "@/components/charts/chart-parts";

type PortfolioPoint = { date: string; averageScore: number; openCritical: number; openHigh: number };

/**
 * Average score across all projects (left axis, 0–100) against the open critical and high
 * findings behind it (right axis, counts): a falling average usually has new critical or high
 * findings under it, and one chart shows both. Counts are dashed, so no series relies on colour.
 */
export function PortfolioTrendChart({ points }: { points: PortfolioPoint[] }) {
  const t = useTranslations("charts");
  const f = useChartFormat();
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return <ChartEmpty text={t("empty")} />;

  const summary = t("portfolio.summary", {
    firstScore: f.score(first.averageScore),
    lastScore: f.score(last.averageScore),
    firstCritical: f.count(first.openCritical),
    lastCritical: f.count(last.openCritical),
    firstHigh: f.count(first.openHigh),
    lastHigh: f.count(last.openHigh),
    start: f.day(first.date),
    end: f.day(last.date),
  });

  return (
    <ChartFrame summary={summary} height={chartHeight}>
      <LineChart data={points} margin={chartMargin} accessibilityLayer>
        <CartesianGrid stroke={gridStroke} vertical={false} />
        <XAxis dataKey="date" tick={axisTick} tickFormatter={f.tick} minTickGap={24} />
        <YAxis yAxisId="score" domain={[0, 100]} ticks={scoreTicks} tick={axisTick} width={36} />
        <YAxis yAxisId="open" orientation="right" allowDecimals={false} tick={axisTick} width={40} tickFormatter={(value: number) => f.count(value)} />
        <Tooltip
          {...tooltipStyle}
          labelFormatter={(label) => f.day(String(label))}
          formatter={(value, _name, item) => (item.dataKey === "averageScore" ? f.score(Number(value)) : f.count(Number(value)))}
        />
        <Legend wrapperStyle={legendStyle} />
        <Line yAxisId="score" type="monotone" dataKey="averageScore" name={t("portfolio.averageScore")} stroke={seriesColours.score} strokeWidth={2.5} dot={false} />
        <Line yAxisId="open" type="linear" dataKey="openCritical" name={t("portfolio.openCritical")} stroke={severityColours.critical.stroke} strokeWidth={2} strokeDasharray="6 3" dot={false} />
        <Line yAxisId="open" type="linear" dataKey="openHigh" name={t("portfolio.openHigh")} stroke={severityColours.high.stroke} strokeWidth={2} strokeDasharray="2 3" dot={false} />
      </LineChart>
    </ChartFrame>
  );
}
