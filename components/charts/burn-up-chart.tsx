"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { ChartEmpty, ChartFrame, axisTick, chartHeight, chartMargin, gridStroke, legendStyle, seriesColours, tooltipStyle, useChartFormat } from "@/components/charts/chart-parts";

type BurnUpPoint = { date: string; opened: number; closed: number };

/**
 * Findings opened and closed so far. The gap between the lines is what is still open; closed
 * catching up with opened is the team winning. Opened is dashed so the pair differs without colour.
 */
export function BurnUpChart({ points }: { points: BurnUpPoint[] }) {
  const t = useTranslations("charts");
  const f = useChartFormat();
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return <ChartEmpty text={t("empty")} />;

  const summary = t("burnUp.summary", { opened: f.count(last.opened), closed: f.count(last.closed), start: f.day(first.date), end: f.day(last.date) });

  return (
    <ChartFrame summary={summary} height={chartHeight}>
      <LineChart data={points} margin={chartMargin} accessibilityLayer>
        <CartesianGrid stroke={gridStroke} vertical={false} />
        <XAxis dataKey="date" tick={axisTick} tickFormatter={f.tick} minTickGap={24} />
        <YAxis allowDecimals={false} tick={axisTick} width={40} tickFormatter={(value: number) => f.count(value)} />
        <Tooltip {...tooltipStyle} labelFormatter={(label) => f.day(String(label))} formatter={(value) => f.count(Number(value))} />
        <Legend wrapperStyle={legendStyle} />
        <Line type="stepAfter" dataKey="opened" name={t("burnUp.opened")} stroke={seriesColours.opened} strokeWidth={2} strokeDasharray="6 3" dot={false} />
        <Line type="stepAfter" dataKey="closed" name={t("burnUp.closed")} stroke={seriesColours.closed} strokeWidth={2} dot={false} />
      </LineChart>
    </ChartFrame>
  );
}
