"use client";

import { useTranslations } from "next-intl";
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import {
  ChartEmpty,
  ChartFrame,
  axisTick,
  chartHeight,
  chartMargin,
  gridStroke,
  legendStyle,
  seriesRange,
  severityColours,
  tooltipStyle,
  useChartFormat,
} from "@/components/charts/chart-parts";
import { severityOrder } from "@/components/ui/severity-badge";
import type { Severity } from "@/lib/generated/prisma/enums";

type SeverityPoint = { date: string } & Record<Severity, number>;

export function openTotal(point: SeverityPoint): number {
  return severityOrder.reduce((sum, severity) => sum + point[severity], 0);
}

/** Open findings over time, stacked by severity with critical at the bottom where it is easiest to read. */
export function OpenBySeverityChart({ points }: { points: SeverityPoint[] }) {
  const t = useTranslations("charts");
  const tRoot = useTranslations();
  const f = useChartFormat();
  const range = seriesRange(points, openTotal);
  const last = points[points.length - 1];
  if (!range || !last) return <ChartEmpty text={t("empty")} />;

  const name = (severity: Severity) => tRoot(`severity.${severity}`);
  const counts = f.list(severityOrder.map((s) => t("openBySeverity.count", { count: f.count(last[s]), name: name(s) })));
  const summary = t("openBySeverity.summary", { first: f.count(range.first), last: f.count(range.last), start: f.day(range.start), end: f.day(range.end), counts });

  return (
    <ChartFrame summary={summary} height={chartHeight}>
      <AreaChart data={points} margin={chartMargin} accessibilityLayer>
        <CartesianGrid stroke={gridStroke} vertical={false} />
        <XAxis dataKey="date" tick={axisTick} tickFormatter={f.tick} minTickGap={24} />
        <YAxis allowDecimals={false} tick={axisTick} width={40} tickFormatter={(value: number) => f.count(value)} />
        <Tooltip {...tooltipStyle} labelFormatter={(label) => f.day(String(label))} formatter={(value) => f.count(Number(value))} />
        {/* Severity order, not Recharts' alphabetical default. */}
        <Legend wrapperStyle={legendStyle} itemSorter={(item) => severityOrder.indexOf(item.dataKey as Severity)} />
        {severityOrder.map((severity) => (
          // Linear, not monotone: smoothing stacked edges can make them cross between points.
          <Area
            key={severity}
            type="linear"
            dataKey={severity}
            name={name(severity)}
            stackId="open"
            stroke={severityColours[severity].stroke}
            fill={severityColours[severity].fill}
            fillOpacity={0.7}
          />
        ))}
      </AreaChart>
    </ChartFrame>
  );
}
