import "server-only";
import { tally, type ImportStep } from "@/lib/reports/import-step";
import type { ParsedGateCriterion, ParsedMetric } from "@/lib/reports/schema";

const firstPerKey = <T extends { key: string }>(rows: T[]) => {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.key) && seen.add(r.key));
};

/**
 * Gate criteria the report proposes, by key. A criterion a lead set (any source but "report")
 * is kept as it is; one an earlier import proposed takes the new threshold and label.
 */
export async function importGateCriteria({ tx, projectId }: ImportStep, parsed: ParsedGateCriterion[]) {
  const stated = firstPerKey(parsed);
  const known = await tx.gateCriterion.findMany({ where: { projectId, key: { in: stated.map((c) => c.key) } } });
  const byKey = new Map(known.map((c) => [c.key, c]));
  const fresh = stated.filter((c) => !byKey.has(c.key));
  let updated = 0;
  for (const c of stated) {
    const before = byKey.get(c.key);
    if (!before || before.source !== "report" || (before.threshold === c.threshold && before.label === c.label)) continue;
    await tx.gateCriterion.update({ where: { id: before.id }, data: { threshold: c.threshold, label: c.label } });
    updated++;
  }
  if (fresh.length) await tx.gateCriterion.createMany({ data: fresh.map((c) => ({ projectId, key: c.key, threshold: c.threshold, label: c.label, source: "report" })) });
  return tally(fresh.length, updated, stated.length);
}

/**
 * Measured numbers (tests passed, coverage, …) as Metric rows taken now. A value equal to the
 * latest one a report recorded for that key is not recorded again, so a re-import adds nothing.
 */
export async function importMetrics({ tx, projectId, now }: ImportStep, parsed: ParsedMetric[]) {
  const stated = firstPerKey(parsed);
  const latest = await tx.metric.findMany({
    where: { projectId, key: { in: stated.map((m) => m.key) }, scanId: null, scope: null },
    orderBy: { measuredAt: "desc" },
    distinct: ["key"],
  });
  const byKey = new Map(latest.map((m) => [m.key, m]));
  const fresh = stated.filter((m) => byKey.get(m.key)?.value !== m.value || byKey.get(m.key)?.unit !== m.unit);
  if (fresh.length) await tx.metric.createMany({ data: fresh.map((m) => ({ projectId, key: m.key, value: m.value, unit: m.unit, measuredAt: now })) });
  return tally(fresh.length, 0, stated.length);
}
