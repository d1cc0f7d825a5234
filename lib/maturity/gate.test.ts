import { describe, expect, it } from "vitest";
import { evaluateGate, type GateFacts } from "@/lib/maturity/gate";

const now = new Date("2026-12-01T12:00:00Z");
const facts = (over: Partial<GateFacts> = {}): GateFacts => ({ openCritical: 0, openHigh: 0, metrics: {}, lastScanAt: null, now, ...over });

describe("evaluateGate", () => {
  it("asks for no open critical finding when a project names no criteria", () => {
    expect(evaluateGate([], facts())).toEqual({ status: "pass", criteria: [{ key: "max_open_critical", name: "Open critical findings ≤ 0", threshold: 0, actual: 0, pass: true }] });
    expect(evaluateGate([], facts({ openCritical: 1 })).status).toBe("fail");
  });

  it.each([
    ["min_line_coverage", 80, { metrics: { "coverage.line": 80 } }, 80, true],
    ["min_line_coverage", 80, { metrics: { "coverage.line": 79.99 } }, 79.99, false],
    ["min_line_coverage", 80, {}, null, false],
    ["max_p95_ms", 300, { metrics: { "latency.p95_ms": 250 } }, 250, true],
    ["max_p95_ms", 300, { metrics: { "latency.p95_ms": 301 } }, 301, false],
    ["max_error_rate", 0.01, { metrics: { "http.error_rate": 0.0125 } }, 0.0125, false],
    ["all_tests_pass", 1, { metrics: { "tests.passed": 20, "tests.failed": 0 } }, 0, true],
    ["all_tests_pass", 1, { metrics: { "tests.passed": 20, "tests.failed": 1 } }, 1, false],
    ["all_tests_pass", 1, {}, null, false],
    ["max_open_high", 2, { openHigh: 2 }, 2, true],
    ["max_scan_age_days", 7, { lastScanAt: new Date("2026-11-25T12:00:00Z") }, 6, true],
    ["max_scan_age_days", 7, { lastScanAt: new Date("2026-11-20T12:00:00Z") }, 11, false],
    ["max_scan_age_days", 7, {}, null, false],
  ] as const)("%s %s with %j → actual %s, pass %s", (key, threshold, over, actual, pass) => {
    const result = evaluateGate([{ key, threshold, label: null }], facts(over as Partial<GateFacts>));
    expect(result.criteria[0]).toMatchObject({ key, threshold, actual, pass });
    expect(result.status).toBe(pass ? "pass" : "fail");
  });

  it("names criteria by their label when a report gave one, and skips unknown keys", () => {
    const result = evaluateGate([{ key: "min_line_coverage", threshold: 80, label: "coverage ≥ 80 %" }, { key: "mystery", threshold: 1, label: null }], facts({ metrics: { "coverage.line": 93 } }));
    expect(result.criteria).toEqual([{ key: "min_line_coverage", name: "coverage ≥ 80 %", threshold: 80, actual: 93, pass: true }]);
  });
});
