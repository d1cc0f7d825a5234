import { describe, expect, it } from "vitest";
import { coveragePercent, istanbulParser } from "@/lib/ingest/parsers/istanbul";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanRecord } from "@/lib/ingest/scan-types";

async function parseJson(json: unknown) {
  const records: ScanRecord[] = [];
  const text = typeof json === "string" ? json : JSON.stringify(json);
  for await (const record of istanbulParser.parse(scanSourceFromBytes("coverage-summary.json", text))) records.push(record);
  return {
    tools: records.flatMap((r) => (r.type === "tool" ? [r.name] : [])),
    metrics: Object.fromEntries(records.flatMap((r) => (r.type === "metric" ? [[r.metric.key, r.metric.value]] : []))),
  };
}

const measure = (covered: number, total: number, pct: number | string) => ({ total, covered, skipped: 0, pct });

describe("istanbul json-summary", () => {
  it("reads c8 12.0.0's coverage-summary.json: the total's line and branch pct", async () => {
    const { detected, tools, metrics } = await parseFixture(istanbulParser, "metrics/c8-coverage-summary.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["istanbul"]);
    expect(metrics).toEqual([
      { key: "coverage.line", value: 85.18, unit: "%", scope: null },
      { key: "coverage.branch", value: 82.6, unit: "%", scope: null },
    ]);
  });

  it("skips a measure whose pct is \"Unknown\" (nothing in it)", async () => {
    const { tools, metrics } = await parseJson({ total: { lines: measure(3, 4, 75), statements: measure(3, 4, 75), functions: measure(0, 0, "Unknown"), branches: measure(0, 0, "Unknown") } });
    expect(tools).toEqual(["istanbul"]);
    expect(metrics).toEqual({ "coverage.line": 75 });
  });

  it("computes the percent from the counts when pct is missing, and reads only the total", async () => {
    const { metrics } = await parseJson({ "/app/a.js": { lines: measure(0, 9, 0) }, total: { lines: { total: 3, covered: 2 }, branches: { total: 8, covered: 1, pct: null } } });
    expect(metrics).toEqual({ "coverage.line": 66.66, "coverage.branch": 12.5 });
  });

  it("cuts to two decimals as istanbul does, without float noise", () => {
    expect(coveragePercent(46, 54)).toBe(85.18);
    expect(coveragePercent(0.29, 1)).toBe(29);
    expect(coveragePercent(1, 1)).toBe(100);
    expect(coveragePercent(79999, 100000)).toBe(79.99);
  });

  it("refuses JSON without a total and JSON that is not well-formed", async () => {
    await expect(parseJson({ "/app/a.js": { lines: measure(1, 1, 100) } })).rejects.toThrow(ScanShapeError);
    await expect(parseJson({ total: { lines: "85%" } })).rejects.toThrow(ScanShapeError);
    await expect(parseJson([1, 2])).rejects.toThrow(ScanShapeError);
    await expect(parseJson(`{"total": {"lines": {"pct": 85,}}}`)).rejects.toThrow(ScanSyntaxError);
  });
});
