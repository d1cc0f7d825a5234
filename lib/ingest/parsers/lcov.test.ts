import { describe, expect, it } from "vitest";
import { lcovParser } from "@/lib/ingest/parsers/lcov";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanRecord } from "@/lib/ingest/scan-types";

async function parseText(text: string | Uint8Array) {
  const records: ScanRecord[] = [];
  for await (const record of lcovParser.parse(scanSourceFromBytes("lcov.info", text))) records.push(record);
  return {
    tools: records.flatMap((r) => (r.type === "tool" ? [r.name] : [])),
    metrics: Object.fromEntries(records.flatMap((r) => (r.type === "metric" ? [[r.metric.key, r.metric.value]] : []))),
  };
}

describe("lcov", () => {
  it("sums c8 12.0.0's lcov.info over its two files: 46 of 54 lines, 19 of 23 branches", async () => {
    const { detected, tools, metrics } = await parseFixture(lcovParser, "metrics/c8-lcov.info");
    expect(detected).toBe(true);
    expect(tools).toEqual(["lcov"]);
    expect(metrics).toEqual([
      { key: "coverage.line", value: 85.18, unit: "%", scope: null },
      { key: "coverage.branch", value: 82.6, unit: "%", scope: null },
    ]);
  });

  it("counts DA and BRDA lines when a record has no LF/LH or BRF/BRH", async () => {
    const { metrics } = await parseText(
      ["TN:", "SF:src/a.js", "DA:1,1", "DA:2,0", "DA:3,7", "BRDA:3,0,0,1", "BRDA:3,0,1,-", "BRDA:3,0,2,0", "end_of_record", "SF:src/b.js", "DA:1,0", "LF:1", "LH:0", "end_of_record", ""].join("\n"),
    );
    // a.js: 2 of 3 lines, 1 of 3 branches; b.js: 0 of 1 line, no branches.
    expect(metrics).toEqual({ "coverage.line": 50, "coverage.branch": 33.33 });
  });

  it("prefers a record's LF/LH to its DA lines, reads CRLF, and gives no branch metric without branches", async () => {
    const { metrics } = await parseText("SF:a.py\r\nDA:1,1\r\nLF:4\r\nLH:3\r\nBRF:0\r\nBRH:0\r\nend_of_record\r\n");
    expect(metrics).toEqual({ "coverage.line": 75 });
  });

  it("counts the last record of a file cut off before end_of_record", async () => {
    const { metrics } = await parseText("SF:a.go\nLF:10\nLH:9\n");
    expect(metrics).toEqual({ "coverage.line": 90 });
  });

  it("keeps a file with no line at all as a tool record without metrics", async () => {
    const { tools, metrics } = await parseText("TN:\nSF:empty.js\nend_of_record\n");
    expect(tools).toEqual(["lcov"]);
    expect(metrics).toEqual({});
  });

  it("refuses text that is not a tracefile, counts that are not numbers, and bytes that are not UTF-8", async () => {
    await expect(parseText("# Coverage\n\nSF: is how lcov starts a file\n")).rejects.toThrow(ScanShapeError);
    await expect(parseText("TN:\nFNF:0\n")).rejects.toThrow(ScanShapeError);
    await expect(parseText("SF:a\nLF:ten\nend_of_record\n")).rejects.toThrow(ScanShapeError);
    await expect(parseText("SF:a\nDA:1\nend_of_record\n")).rejects.toThrow(ScanShapeError);
    await expect(parseText(new Uint8Array([0x53, 0x46, 0x3a, 0xff, 0x0a]))).rejects.toThrow(ScanSyntaxError);
  });

  it("streams a large tracefile", async () => {
    const record = (i: number) => `SF:src/f${i}.js\n${Array.from({ length: 20 }, (_, l) => `DA:${l + 1},${l % 4 === 0 ? 0 : 3}`).join("\n")}\nend_of_record\n`;
    const { metrics } = await parseText(Array.from({ length: 10_000 }, (_, i) => record(i)).join(""));
    expect(metrics).toEqual({ "coverage.line": 75 });
  });
});
