"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartEmpty, ChartFrame, axisTick, chartHeight, chartMargin, gridStroke, legendStyle, seriesColours, tooltipStyle, useChartFormat } from "@/components/charts/chart-parts";

type Point = { name: string; doneHours: number; committedHours: number };

/** Effort done per closed sprint next to what it committed to. */
export function VelocityChart({ points }: { points: Point[] }) {
  const t = useTranslations("charts");
  const f = useChartFormat();
  if (!points.length) return <ChartEmpty text={t("velocity.empty")} />;
  const hours = (value: number) => t("burndown.hours", { hours: f.count(Math.round(value * 10) / 10) });
  const last = points[points.length - 1]!;
  const summary = t("velocity.summary", { sprints: points.length, last: last.name, done: hours(last.doneHours), committed: hours(last.committedHours) });
  return (
    <ChartFrame summary={summary} height={chartHeight}>
      <BarChart data={points} margin={chartMargin} accessibilityLayer>
        <CartesianGrid stroke={gridStroke} vertical={false} />
        <XAxis dataKey="name" tick={axisTick} interval={0} />
        <YAxis tick={axisTick} width={44} tickFormatter={(value: number) => f.count(value)} />
        <Tooltip {...tooltipStyle} formatter={(value) => hours(Number(value))} />
        <Legend wrapperStyle={legendStyle} />
        <Bar dataKey="committedHours" name={t("velocity.committed")} fill="#cbd5e1" />
        <Bar dataKey="doneHours" name={t("velocity.done")} fill={seriesColours.closed} />
      </BarChart>
    </ChartFrame>
  );
}
