import { describe, expect, it } from "vitest";
import { k6Parser } from "@/lib/ingest/parsers/k6";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanMetric, ScanRecord } from "@/lib/ingest/scan-types";

async function parseJson(json: unknown) {
  const records: ScanRecord[] = [];
  const text = typeof json === "string" ? json : JSON.stringify(json);
  for await (const record of k6Parser.parse(scanSourceFromBytes("summary.json", text))) records.push(record);
  return records.flatMap((r): ScanMetric[] => (r.type === "metric" ? [r.metric] : []));
}

const rootGroup = { name: "", path: "", id: "d41d8cd98f00b204e9800998ecf8427e", groups: [], checks: [] };

describe("k6", () => {
  it("reads --summary-export (default trend stats, so no p(99)); its threshold booleans mean failed", async () => {
    const { detected, tools, metrics } = await parseFixture(k6Parser, "metrics/k6-summary-export.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["k6"]);
    expect(metrics).toEqual([
      { key: "latency.p95_ms", value: 471.093726, unit: "ms", scope: null },
      { key: "http.error_rate", value: 0.0125, unit: null, scope: null },
      { key: "k6.threshold", value: 1, unit: null, scope: "checks: rate>0.98" },
      { key: "k6.threshold", value: 1, unit: null, scope: "http_req_duration: p(95)<500" },
      { key: "k6.threshold", value: 0, unit: null, scope: "http_req_duration{name:login}: p(95)<400" },
      { key: "k6.threshold", value: 0, unit: null, scope: "http_req_failed: rate<0.01" },
    ]);
  });

  it("reads handleSummary's data (summaryTrendStats with p(99)); ok means passed", async () => {
    const { detected, tools, metrics } = await parseFixture(k6Parser, "metrics/k6-handle-summary.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["k6"]);
    expect(metrics).toEqual([
      { key: "latency.p95_ms", value: 262.118204, unit: "ms", scope: null },
      { key: "latency.p99_ms", value: 611.004872, unit: "ms", scope: null },
      { key: "http.error_rate", value: 0, unit: null, scope: null },
      { key: "k6.threshold", value: 1, unit: null, scope: "checks: rate>0.99" },
      { key: "k6.threshold", value: 1, unit: null, scope: "http_req_duration: p(95)<500" },
      { key: "k6.threshold", value: 1, unit: null, scope: "http_req_duration: p(99)<1000" },
      { key: "k6.threshold", value: 1, unit: null, scope: "http_req_failed: rate<0.01" },
    ]);
  });

  it("reads a handleSummary without p(99) and with a failed threshold", async () => {
    const metrics = await parseJson({
      root_group: rootGroup,
      options: { summaryTrendStats: ["avg", "p(95)"] },
      state: { testRunDurationMs: 1000 },
      metrics: {
        http_req_duration: { type: "trend", contains: "time", values: { avg: 120.5, "p(95)": 980.25 }, thresholds: { "p(95)<800": { ok: false } } },
        http_req_failed: { type: "rate", contains: "default", values: { rate: 0.5, passes: 1, fails: 1 } },
      },
    });
    expect(metrics.map((m) => [m.key, m.value, m.scope])).toEqual([
      ["latency.p95_ms", 980.25, null],
      ["http.error_rate", 0.5, null],
      ["k6.threshold", 0, "http_req_duration: p(95)<800"],
    ]);
  });

  it("gives only thresholds for a test without HTTP requests, and skips values that are not numbers", async () => {
    const metrics = await parseJson({
      root_group: rootGroup,
      metrics: {
        grpc_req_duration: { avg: 3, "p(95)": 9, thresholds: { "p(95)<10": false } },
        http_req_duration: { "p(95)": "fast", "p(99)": null },
        http_req_failed: { value: 7 },
        checks: { value: 1, thresholds: { "rate==1": "yes" } },
        odd: null,
      },
    });
    expect(metrics.map((m) => [m.key, m.value, m.scope])).toEqual([["k6.threshold", 1, "grpc_req_duration: p(95)<10"]]);
  });

  it("refuses JSON that is not a k6 summary", async () => {
    await expect(parseJson({ root_group: rootGroup })).rejects.toThrow(ScanShapeError);
    await expect(parseJson({ metrics: [] })).rejects.toThrow(ScanShapeError);
    await expect(parseJson("[]")).rejects.toThrow(ScanShapeError);
    await expect(parseJson(`{"metrics": {`)).rejects.toThrow(ScanSyntaxError);
  });
});
