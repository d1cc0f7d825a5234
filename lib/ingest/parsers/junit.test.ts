import { describe, expect, it } from "vitest";
import { junitParser } from "@/lib/ingest/parsers/junit";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanMetric, ScanRecord } from "@/lib/ingest/scan-types";

async function parseXml(xml: string) {
  const records: ScanRecord[] = [];
  for await (const record of junitParser.parse(scanSourceFromBytes("report.xml", xml))) records.push(record);
  return {
    tools: records.flatMap((r) => (r.type === "tool" ? [r.name] : [])),
    metrics: records.flatMap((r): ScanMetric[] => (r.type === "metric" ? [r.metric] : [])),
  };
}

/** Metrics as { scope: [passed, failed, skipped] }, "" for the whole file. */
function byScope(metrics: ScanMetric[]): Record<string, [number, number, number]> {
  const out: Record<string, [number, number, number]> = {};
  const slot = { "tests.passed": 0, "tests.failed": 1, "tests.skipped": 2 } as Record<string, number>;
  for (const metric of metrics) {
    const counts = (out[metric.scope ?? ""] ??= [0, 0, 0]);
    counts[slot[metric.key]!] = metric.value;
  }
  return out;
}

describe("junit", () => {
  it("counts vitest 4.1.12's report: 11 passed, 1 failed, 1 skipped, per test file", async () => {
    const { detected, tools, metrics } = await parseFixture(junitParser, "metrics/vitest-junit.xml");
    expect(detected).toBe(true);
    expect(tools).toEqual(["vitest"]);
    expect(metrics.slice(0, 3)).toEqual([
      { key: "tests.passed", value: 11, unit: null, scope: null },
      { key: "tests.failed", value: 1, unit: null, scope: null },
      { key: "tests.skipped", value: 1, unit: null, scope: null },
    ]);
    expect(byScope(metrics)).toEqual({ "": [11, 1, 1], "test/vitest/format.test.js": [3, 0, 0], "test/vitest/pricing.test.js": [8, 1, 1] });
  });

  it("counts node 20's --test-reporter=junit: describe blocks are suites, a top-level test only counts in the totals", async () => {
    const { detected, tools, metrics } = await parseFixture(junitParser, "metrics/node-test-junit.xml");
    expect(detected).toBe(true);
    expect(tools).toEqual(["junit"]);
    expect(byScope(metrics)).toEqual({
      "": [11, 1, 1],
      formatPrice: [2, 0, 0],
      slugify: [1, 0, 0],
      subtotal: [2, 0, 0],
      discount: [3, 1, 0],
      shipping: [2, 0, 1],
    });
  });

  it("counts testcases, not the attributes that disagree with them; errors count as failed", async () => {
    const { metrics } = await parseXml(`<?xml version="1.0"?>
      <testsuites tests="99" failures="0">
        <testsuite name="api" tests="1" failures="0" errors="0">
          <testcase name="a"/>
          <testcase name="b"><failure message="boom"/></testcase>
          <testcase name="c"><error message="crashed"/></testcase>
          <testcase name="d"><skipped/></testcase>
          <testcase name="e"><flakyFailure message="passed on retry"/></testcase>
          <testcase name="f" status="notrun"/>
        </testsuite>
      </testsuites>`);
    expect(byScope(metrics)).toEqual({ "": [2, 2, 2], api: [2, 2, 2] });
  });

  it("reads a lone <testsuite> root as the one top-level suite, with its nested suites inside it", async () => {
    const { metrics } = await parseXml(`<testsuite name="pytest" tests="3">
        <testsuite name="inner"><testcase name="a"/><testcase name="b"><failure/></testcase></testsuite>
        <testcase name="c"/>
      </testsuite>`);
    expect(byScope(metrics)).toEqual({ "": [2, 1, 0], pytest: [2, 1, 0] });
  });

  it("scopes nested suites by their top-level suite and merges top-level suites of the same name", async () => {
    const { metrics } = await parseXml(`<testsuites>
        <testsuite name="utils"><testsuite name="deep"><testsuite name="deeper"><testcase name="a"/></testsuite></testsuite></testsuite>
        <testsuite name="utils"><testcase name="b"><skipped/></testcase></testsuite>
        <testsuite><testcase name="unnamed"/></testsuite>
      </testsuites>`);
    expect(byScope(metrics)).toEqual({ "": [2, 0, 1], utils: [1, 0, 1] });
  });

  it("counts a report of only attributes (no testcase) from the suites' attributes", async () => {
    const { metrics } = await parseXml(`<testsuites tests="9">
        <testsuite name="unit" tests="5" failures="1" errors="1" skipped="1"/>
        <testsuite name="e2e" tests="4" failures="0" errors="0" skipped="0" disabled="1"><properties><property name="x" value="y"/></properties></testsuite>
      </testsuites>`);
    expect(byScope(metrics)).toEqual({ "": [5, 2, 2], unit: [2, 2, 1], e2e: [3, 0, 1] });
  });

  it("counts a top-level suite with no testcase (a test file that failed to load) from its attributes beside the streamed ones", async () => {
    const { metrics } = await parseXml(`<testsuites name="jest tests">
        <testsuite name="ok.test.js" tests="1"><testcase name="a"/></testsuite>
        <testsuite name="broken.test.js" tests="1" failures="0" errors="1"/>
        <testsuite name="empty.test.js" tests="0"/>
        <testsuite name="later.test.js"><testcase name="b"/><testcase name="c"><skipped/></testcase></testsuite>
      </testsuites>`);
    expect(byScope(metrics)).toEqual({ "": [2, 1, 1], "ok.test.js": [1, 0, 0], "broken.test.js": [0, 1, 0], "empty.test.js": [0, 0, 0], "later.test.js": [1, 0, 1] });
  });

  it("falls back to the root's attributes when there is no suite at all", async () => {
    const { metrics } = await parseXml(`<testsuites tests="12" failures="2" skipped="1"/>`);
    expect(byScope(metrics)).toEqual({ "": [9, 2, 1] });
  });

  it("reports zero tests for an empty <testsuites/>, and names the tool", async () => {
    const { tools, metrics } = await parseXml(`<?xml version="1.0" encoding="UTF-8"?><testsuites/>`);
    expect(tools).toEqual(["junit"]);
    expect(byScope(metrics)).toEqual({ "": [0, 0, 0] });
  });

  it("ignores counts that are not numbers", async () => {
    const { metrics } = await parseXml(`<testsuite name="s" tests="many" failures="-3" skipped="NaN"/>`);
    expect(byScope(metrics)).toEqual({ "": [0, 0, 0], s: [0, 0, 0] });
  });

  it("refuses XML that is not JUnit, a DOCTYPE, and a file that is not well-formed", async () => {
    await expect(parseXml(`<OWASPZAPReport version="2.9.0"><site/></OWASPZAPReport>`)).rejects.toThrow(ScanShapeError);
    await expect(parseXml(`<?xml version="1.0"?><!DOCTYPE testsuites [<!ENTITY a "aaaa">]><testsuites>&a;</testsuites>`)).rejects.toThrow(ScanSyntaxError);
    await expect(parseXml(`<testsuites><testsuite name="a"><testcase name="x"></testsuite>`)).rejects.toThrow(ScanSyntaxError);
  });

  it("streams a large report", async () => {
    const cases = Array.from({ length: 50_000 }, (_, i) => (i % 100 === 0 ? `<testcase name="t${i}"><failure message="m"/></testcase>` : `<testcase name="t${i}"/>`)).join("\n");
    const { metrics } = await parseXml(`<testsuites><testsuite name="big">${cases}</testsuite></testsuites>`);
    expect(byScope(metrics)).toEqual({ "": [49_500, 500, 0], big: [49_500, 500, 0] });
  });
});
