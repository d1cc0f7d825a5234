"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, LabelList, Text, Tooltip, XAxis, YAxis } from "recharts";
import { ChartEmpty, ChartFrame, TooltipCard, axisTick, gridStroke, seriesColours, useChartFormat } from "@/components/charts/chart-parts";

type CategoryScore = { key: string; name: string; score: number; open: number; assessed: boolean };

const rowHeight = 28;
const nameWidth = 128;
const nameGap = 8; // between a name and the plot; ticks have no tick line, so this is all the gap
const mutedText = "#64748b"; // slate-500, still 4.7:1 on white: greyed, not unreadable

/** One 28 px row per category plus the score axis, so 15 categories stay on one screen. */
export function categoriesHeight(count: number): number {
  return count * rowHeight + 40;
}

export type CategoryExtremes = { assessed: number; total: number; lowest?: CategoryScore; highest?: CategoryScore };

/** The weakest and strongest assessed category (the first on a tie), for the summary. */
export function categoryExtremes(categories: readonly CategoryScore[]): CategoryExtremes {
  const assessed = categories.filter((c) => c.assessed);
  let lowest: CategoryScore | undefined;
  let highest: CategoryScore | undefined;
  for (const c of assessed) {
    if (!lowest || c.score < lowest.score) lowest = c;
    if (!highest || c.score > highest.score) highest = c;
  }
  return { assessed: assessed.length, total: categories.length, lowest, highest };
}

/** One bar per category (0–100); categories not assessed keep their row, greyed, without a bar. */
export function CategoryScoresChart({ categories }: { categories: CategoryScore[] }) {
  const t = useTranslations("charts.categories");
  const f = useChartFormat();
  if (categories.length === 0) return <ChartEmpty text={t("empty")} />;

  const byKey = new Map(categories.map((c) => [c.key, c]));
  // Only the key and the bar go to Recharts: it spreads each row onto the bar's SVG props. A null
  // bar draws nothing, and no score label, for a category that was not assessed.
  const rows = categories.map((c) => ({ category: c.key, bar: c.assessed ? c.score : null }));
  const { assessed, total, lowest, highest } = categoryExtremes(categories);
  const summary =
    lowest && highest
      ? t("summary", { assessed: f.count(assessed), total: f.count(total), lowest: lowest.name, lowestScore: f.score(lowest.score), highest: highest.name, highestScore: f.score(highest.score) })
      : t("summaryNone", { total });

  return (
    <ChartFrame summary={summary} height={categoriesHeight(categories.length)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 40, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid stroke={gridStroke} horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 50, 100]} tick={axisTick} />
        <YAxis
          type="category"
          dataKey="category"
          width={nameWidth}
          interval={0}
          tickLine={false}
          tickSize={0}
          tickMargin={nameGap}
          tick={({ x, y, payload }) => {
            const category = byKey.get(String(payload.value));
            if (!category) return null;
            const color = category.assessed ? "#334155" : mutedText;
            return (
              <g>
                <title>{category.name}</title>
                {/* Long names wrap to two lines, then end in an ellipsis; the tooltip has the rest. */}
                <Text x={Number(x)} y={Number(y)} width={nameWidth - nameGap - 4} maxLines={2} textAnchor="end" verticalAnchor="middle" fontSize={12} fill={color}>
                  {category.name}
                </Text>
                {/* x is where the name ends; the plot starts nameGap further right. */}
                {!category.assessed && (
                  <text x={Number(x) + 2 * nameGap} y={Number(y)} dy="0.35em" fontSize={12} fontStyle="italic" fill={mutedText}>
                    {t("notAssessed")}
                  </text>
                )}
              </g>
            );
          }}
        />
        <Tooltip
          filterNull={false}
          cursor={{ fill: "#f1f5f9" }}
          content={({ active, label }) => {
            const category = byKey.get(String(label));
            if (!active || !category) return null;
            return (
              <TooltipCard
                title={category.name}
                rows={[{ label: t("series"), value: category.assessed ? f.score(category.score) : t("notAssessed"), colour: category.assessed ? seriesColours.score : undefined }]}
                note={t("open", { count: category.open })}
              />
            );
          }}
        />
        {/* minPointSize keeps a score of 0 visible (and labelled) as a sliver; null stays empty. */}
        <Bar dataKey="bar" name={t("series")} fill={seriesColours.score} barSize={16} background={{ fill: "#f1f5f9" }} minPointSize={(value) => (value == null ? 0 : 2)}>
          <LabelList dataKey="bar" position="right" fontSize={12} fill="#0f172a" formatter={(value) => (typeof value === "number" ? f.score(value) : "")} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
