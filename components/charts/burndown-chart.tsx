"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartEmpty, ChartFrame, axisTick, chartHeight, chartMargin, gridStroke, legendStyle, seriesColours, tooltipStyle, useChartFormat } from "@/components/charts/chart-parts";

type Point = { date: string; remainingHours: number; idealHours: number };

/** A sprint's remaining effort by day against the straight line to zero at its end (ideal dashed). */
export function BurndownChart({ points }: { points: Point[] }) {
  const t = useTranslations("charts");
  const f = useChartFormat();
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return <ChartEmpty text={t("empty")} />;
  const hours = (value: number) => t("burndown.hours", { hours: f.count(Math.round(value * 10) / 10) });
  const summary = t("burndown.summary", { remaining: hours(last.remainingHours), ideal: hours(last.idealHours), start: f.day(first.date), end: f.day(last.date) });
  return (
    <ChartFrame summary={summary} height={chartHeight}>
      <LineChart data={points} margin={chartMargin} accessibilityLayer>
        <CartesianGrid stroke={gridStroke} vertical={false} />
        <XAxis dataKey="date" tick={axisTick} tickFormatter={f.tick} minTickGap={24} />
        <YAxis tick={axisTick} width={44} tickFormatter={(value: number) => f.count(value)} />
        <Tooltip {...tooltipStyle} labelFormatter={(label) => f.day(String(label))} formatter={(value) => hours(Number(value))} />
        <Legend wrapperStyle={legendStyle} />
        <Line type="linear" dataKey="idealHours" name={t("burndown.ideal")} stroke={seriesColours.opened} strokeWidth={1.5} strokeDasharray="6 3" dot={false} />
        <Line type="stepAfter" dataKey="remainingHours" name={t("burndown.remaining")} stroke={seriesColours.score} strokeWidth={2} dot={false} />
      </LineChart>
    </ChartFrame>
  );
}
