import { metricKeys } from "@/lib/ingest/metric-keys";
import { isObject } from "@/lib/ingest/parsers/json-values";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { readScanJson } from "@/lib/ingest/scan-source";
import type { ScanMetric, ScanParser, ScanRecord } from "@/lib/ingest/scan-types";

// k6's end-of-test summary, in both of its JSON shapes (a summary is one object per metric, a few
// KB, so it is read whole):
//
// - handleSummary()'s data written with JSON.stringify(data) ("Custom summary", Summary data
//   reference, grafana.com/docs/k6/latest/results-output/end-of-test/custom-summary/):
//   metrics.<name> = {type, contains, values: {…}, thresholds: {"<expr>": {ok}}}, beside
//   root_group, options and state. ok is true when the threshold passed.
// - `k6 run --summary-export=file.json` (the "Summary export to a JSON file" section of "End of
//   test", grafana.com/docs/k6/latest/results-output/end-of-test/): the same values flattened
//   into metrics.<name>, a rate's "rate" renamed "value" (with passes and fails beside it), and
//   thresholds: {"<expr>": <bool>} where, as those docs warn, "true indicates the threshold
//   failed, and false that it succeeded". k6's js/summary-wrapper.js (oldJSONSummary) writes it
//   as `!threshold.ok`.
//
// Times are in milliseconds in both. p(99) is there only when summaryTrendStats asked for it.

type MetricShape = { values: Record<string, unknown>; thresholds: Map<string, boolean> };

const finite = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** One metric as values and threshold results (true = passed), whichever shape the file has. */
function metricShape(metric: Record<string, unknown>): MetricShape {
  const thresholds = new Map<string, boolean>();
  if (isObject(metric.values)) {
    if (isObject(metric.thresholds)) {
      for (const [expression, result] of Object.entries(metric.thresholds)) {
        if (isObject(result) && typeof result.ok === "boolean") thresholds.set(expression, result.ok);
      }
    }
    return { values: metric.values, thresholds };
  }
  if (isObject(metric.thresholds)) {
    // --summary-export: true means the threshold failed.
    for (const [expression, failed] of Object.entries(metric.thresholds)) if (typeof failed === "boolean") thresholds.set(expression, !failed);
  }
  return { values: metric, thresholds };
}

function latencyMetrics(duration: MetricShape | undefined): ScanMetric[] {
  if (!duration) return [];
  const out: ScanMetric[] = [];
  const p95 = finite(duration.values["p(95)"]);
  const p99 = finite(duration.values["p(99)"]);
  if (p95 !== null) out.push({ key: metricKeys.p95Latency, value: p95, unit: "ms", scope: null });
  if (p99 !== null) out.push({ key: metricKeys.p99Latency, value: p99, unit: "ms", scope: null });
  return out;
}

/** handleSummary names the fraction "rate"; --summary-export renames it "value". */
function errorRateMetric(failed: MetricShape | undefined): ScanMetric[] {
  if (!failed) return [];
  const rate = finite(failed.values.rate) ?? finite(failed.values.value);
  return rate !== null && rate >= 0 && rate <= 1 ? [{ key: metricKeys.errorRate, value: rate, unit: null, scope: null }] : [];
}

export const k6Parser: ScanParser = {
  format: "k6",
  name: "k6 end-of-test summary",
  produces: "metrics",
  // Both shapes keep k6's root_group (with its path) beside metrics.
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "object" && sniff.keys.has("metrics") && sniff.keys.has("root_group.path"),
  async *parse(source): AsyncGenerator<ScanRecord> {
    const summary = await readScanJson(source);
    if (!isObject(summary) || !isObject(summary.metrics)) throw new ScanShapeError("no metrics object: not a k6 summary", "metrics");
    const metrics = new Map<string, MetricShape>();
    for (const [name, metric] of Object.entries(summary.metrics)) if (isObject(metric)) metrics.set(name, metricShape(metric));

    yield { type: "tool", name: "k6", version: null };
    for (const metric of [...latencyMetrics(metrics.get("http_req_duration")), ...errorRateMetric(metrics.get("http_req_failed"))]) yield { type: "metric", metric };
    for (const [name, { thresholds }] of metrics) {
      for (const [expression, passed] of thresholds) {
        yield { type: "metric", metric: { key: metricKeys.threshold, value: passed ? 1 : 0, unit: null, scope: `${name}: ${expression}` } };
      }
    }
  },
};
