import { jsonItems } from "@/lib/ingest/json-items";
import { metricKeys } from "@/lib/ingest/metric-keys";
import { isObject } from "@/lib/ingest/parsers/json-values";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanMetric, ScanParser, ScanRecord } from "@/lib/ingest/scan-types";

// istanbul's json-summary (nyc, c8, jest and vitest write it as coverage-summary.json): one
// "total" entry and one per file. Only the total is read, streamed out of a file that lists
// every source file of a monorepo.

/**
 * Percent with two decimals cut, not rounded, as istanbul computes its pct: lcov and Cobertura
 * reports of the same run then show the same number, and 79.999 never passes an 80 % gate.
 */
export function coveragePercent(covered: number, total: number): number {
  // The small nudge keeps 0.29 × 100 = 28.999999999999996 at 28.99 + 0.01.
  return Math.floor((covered * 10000) / total + 1e-7) / 100;
}

/** A coverage metric for the whole run, or null when nothing was measured. */
export function coverageMetric(key: string, covered: number, total: number): ScanMetric | null {
  if (!(total > 0) || !(covered >= 0)) return null;
  return { key, value: coveragePercent(Math.min(covered, total), total), unit: "%", scope: null };
}

/** istanbul writes "Unknown" as the pct of a measure with nothing in it: no metric then. */
function summaryMetric(key: string, measure: unknown): ScanMetric | null {
  if (!isObject(measure)) return null;
  const { pct, total, covered } = measure;
  if (typeof total === "number" && total === 0) return null;
  if (typeof pct === "number" && Number.isFinite(pct) && pct >= 0 && pct <= 100) return { key, value: pct, unit: "%", scope: null };
  return typeof covered === "number" && typeof total === "number" ? coverageMetric(key, covered, total) : null;
}

export const istanbulParser: ScanParser = {
  format: "istanbul",
  name: "istanbul json-summary",
  produces: "metrics",
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "object" && sniff.keys.has("total.lines.pct") && sniff.keys.has("total.lines.covered"),
  async *parse(source): AsyncGenerator<ScanRecord> {
    let total: unknown;
    for await (const item of jsonItems(source.open(), [["total"]])) total = item.value;
    if (!isObject(total) || !isObject(total.lines)) throw new ScanShapeError("no total lines entry: not an istanbul json-summary", "total");
    yield { type: "tool", name: "istanbul", version: null };
    for (const metric of [summaryMetric(metricKeys.lineCoverage, total.lines), summaryMetric(metricKeys.branchCoverage, total.branches)]) {
      if (metric) yield { type: "metric", metric };
    }
  },
};
