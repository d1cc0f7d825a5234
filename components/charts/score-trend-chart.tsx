"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import {
  ChartEmpty,
  ChartFrame,
  TooltipCard,
  axisTick,
  chartHeight,
  chartMargin,
  gridStroke,
  legendStyle,
  scoreTicks,
  seriesColours,
  seriesRange,
  useChartFormat,
} from "@/components/charts/chart-parts";

type ScorePoint = { date: string; score: number; level: number };

/** Levels run 0–5; anything else (a bad row) is shown as the nearest one, not as a raw key. */
export function levelKey(level: number): string {
  return String(Math.min(5, Math.max(0, Math.round(level))));
}

/** A project's overall score over time, with its maturity level in the tooltip. */
export function ScoreTrendChart({ points }: { points: ScorePoint[] }) {
  const t = useTranslations("charts");
  const f = useChartFormat();
  const range = seriesRange(points, (p) => p.score);
  if (!range) return <ChartEmpty text={t("empty")} />;

  const series = t("scoreTrend.series");
  const levelName = (level: number) => t("level", { level: levelKey(level), name: t(`levels.${levelKey(level)}`) });
  const summary =
    points.length === 1
      ? t("scoreTrend.summaryOne", { score: f.score(range.last), date: f.day(range.end) })
      : t("scoreTrend.summary", { first: f.score(range.first), last: f.score(range.last), start: f.day(range.start), end: f.day(range.end) });

  return (
    <ChartFrame summary={summary} height={chartHeight}>
      <LineChart data={points} margin={chartMargin} accessibilityLayer>
        <CartesianGrid stroke={gridStroke} vertical={false} />
        <XAxis dataKey="date" tick={axisTick} tickFormatter={f.tick} minTickGap={24} />
        <YAxis domain={[0, 100]} ticks={scoreTicks} tick={axisTick} width={36} />
        <Tooltip
          content={({ active, payload }) => {
            // Recharts types the row as any; it is one of our points.
            const point = payload?.[0]?.payload as ScorePoint | undefined;
            if (!active || !point) return null;
            return <TooltipCard title={f.day(point.date)} rows={[{ label: series, value: f.score(point.score), colour: seriesColours.score }]} note={levelName(point.level)} />;
          }}
        />
        <Legend wrapperStyle={legendStyle} />
        {/* Dots help read a short history; on a long one they merge into a thick line. */}
        <Line type="monotone" dataKey="score" name={series} stroke={seriesColours.score} strokeWidth={2} dot={points.length <= 31} />
      </LineChart>
    </ChartFrame>
  );
}
