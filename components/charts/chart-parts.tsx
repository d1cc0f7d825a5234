"use client";

import { useFormatter } from "next-intl";
import { ResponsiveContainer } from "recharts";
import type { Severity } from "@/lib/generated/prisma/enums";

// What every chart in this folder shares, so the charts look and read alike.

/**
 * The severity badge's hues (components/ui/severity-badge.tsx). Strokes are the 700 shades:
 * at least 4.5:1 on white, so lines and legend text stay readable; fills are lighter because
 * the stroke on top carries the edge.
 */
export const severityColours: Record<Severity, { stroke: string; fill: string }> = {
  critical: { stroke: "#b91c1c", fill: "#f87171" },
  high: { stroke: "#c2410c", fill: "#fb923c" },
  medium: { stroke: "#b45309", fill: "#fbbf24" },
  low: { stroke: "#15803d", fill: "#4ade80" },
  info: { stroke: "#475569", fill: "#cbd5e1" },
};

/** Series that are not a severity. Brand blue for scores; the burn-up pair differs by dash too. */
export const seriesColours = { score: "#1d4ed8", opened: "#334155", closed: "#15803d" };

export const chartHeight = 220;
export const chartMargin = { top: 8, right: 12, bottom: 0, left: 0 };
export const scoreTicks = [0, 25, 50, 75, 100];
/** 12 px and slate-600 (7:1 on white): the smallest tick text we allow. */
export const axisTick = { fontSize: 12, fill: "#475569" };
export const gridStroke = "#e2e8f0";
export const legendStyle = { fontSize: 12, paddingTop: 4 };
export const tooltipStyle = {
  contentStyle: { fontSize: 12, borderRadius: 6, borderColor: "#cbd5e1" },
  labelStyle: { fontWeight: 600, color: "#0f172a" },
};

/** An ISO day ("2026-11-30") as midnight UTC, so no time zone can move it to another day. */
export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export type SeriesRange = { start: string; end: string; first: number; last: number };

/** First and last point of a series, for the screen-reader summary; null when there are none. */
export function seriesRange<T extends { date: string }>(points: readonly T[], value: (point: T) => number): SeriesRange | null {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  return { start: first.date, end: last.date, first: value(first), last: value(last) };
}

/** The locale's formats for chart text: days, short axis days, scores with one decimal, counts. */
export function useChartFormat() {
  const format = useFormatter();
  return {
    day: (day: string) => format.dateTime(parseDay(day), { dateStyle: "medium", timeZone: "UTC" }),
    tick: (day: string) => format.dateTime(parseDay(day), { day: "numeric", month: "short", timeZone: "UTC" }),
    score: (value: number) => format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    count: (value: number) => format.number(value, { maximumFractionDigits: 0 }),
    list: (items: string[]) => format.list(items, { type: "conjunction" }),
  };
}

/**
 * The figure around a Recharts chart: the caption is for screen readers, since the SVG alone
 * says nothing to them. min-w-0 lets the chart shrink inside grid and flex parents.
 */
export function ChartFrame({ summary, height, children }: { summary: string; height: number; children: React.ReactNode }) {
  return (
    <figure className="w-full min-w-0">
      <figcaption className="sr-only">{summary}</figcaption>
      <ResponsiveContainer width="100%" height={height}>
        {children}
      </ResponsiveContainer>
    </figure>
  );
}

/** Shown instead of an empty plot, which would look like a broken chart. */
export function ChartEmpty({ text }: { text: string }) {
  return <p className="flex min-h-24 items-center justify-center rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">{text}</p>;
}

export type TooltipRow = { label: string; value: string; colour?: string };

/** Tooltip body for charts whose tooltip needs more than "series: value". */
export function TooltipCard({ title, rows, note }: { title: string; rows: TooltipRow[]; note?: string }) {
  return (
    <div className="rounded-md border border-slate-300 bg-white px-3 py-2 text-xs text-slate-900 shadow-sm">
      <p className="font-semibold">{title}</p>
      <dl className="mt-1 space-y-0.5">
        {rows.map((row) => (
          <div key={row.label} className="flex items-center gap-2">
            {row.colour && <span aria-hidden className="size-2 shrink-0 rounded-full" style={{ backgroundColor: row.colour }} />}
            <dt className="text-slate-600">{row.label}</dt>
            <dd className="ml-auto pl-3 font-medium tabular-nums">{row.value}</dd>
          </div>
        ))}
      </dl>
      {note && <p className="mt-1 text-slate-700">{note}</p>}
    </div>
  );
}
