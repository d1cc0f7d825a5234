import { metricKeys } from "@/lib/ingest/metric-keys";

// A project's readiness gate: each criterion against the latest measurements and the open
// findings, pass only when every one passes. Pure: the numbers come in, the verdict goes out.

export const gateCriterionKeys = ["max_open_critical", "max_open_high", "min_line_coverage", "max_p95_ms", "max_error_rate", "all_tests_pass", "max_scan_age_days"] as const;
export type GateCriterionKey = (typeof gateCriterionKeys)[number];

export type GateCriterionInput = { key: string; threshold: number; label: string | null };

export type GateFacts = {
  openCritical: number;
  openHigh: number;
  /** Latest value per metric key (whole-run scope), absent when never measured. */
  metrics: Partial<Record<string, number>>;
  lastScanAt: Date | null;
  now: Date;
};

export type GateCriterionResult = { key: string; name: string; threshold: number; actual: number | null; pass: boolean };
export type GateResult = { status: "pass" | "fail"; criteria: GateCriterionResult[] };

/** When a project names no criteria, the gate still asks for no open critical finding. */
export const defaultGateCriteria: GateCriterionInput[] = [{ key: "max_open_critical", threshold: 0, label: null }];

const names: Record<GateCriterionKey, (t: number) => string> = {
  max_open_critical: (t) => `Open critical findings ≤ ${t}`,
  max_open_high: (t) => `Open high findings ≤ ${t}`,
  min_line_coverage: (t) => `Line coverage ≥ ${t} %`,
  max_p95_ms: (t) => `p95 latency ≤ ${t} ms`,
  max_error_rate: (t) => `Error rate ≤ ${Math.round(t * 10_000) / 100} %`,
  all_tests_pass: () => "All tests pass",
  max_scan_age_days: (t) => `Last scan at most ${t} days old`,
};

const isKnown = (key: string): key is GateCriterionKey => (gateCriterionKeys as readonly string[]).includes(key);

function judge(key: GateCriterionKey, threshold: number, facts: GateFacts): { actual: number | null; pass: boolean } {
  const metric = (k: string) => facts.metrics[k] ?? null;
  const atMost = (actual: number | null) => ({ actual, pass: actual !== null && actual <= threshold });
  switch (key) {
    case "max_open_critical":
      return atMost(facts.openCritical);
    case "max_open_high":
      return atMost(facts.openHigh);
    case "min_line_coverage": {
      const actual = metric(metricKeys.lineCoverage);
      return { actual, pass: actual !== null && actual >= threshold };
    }
    case "max_p95_ms":
      return atMost(metric(metricKeys.p95Latency));
    case "max_error_rate":
      return atMost(metric(metricKeys.errorRate));
    case "all_tests_pass": {
      // Unmeasured is not passing: the gate asks for evidence.
      const failed = metric(metricKeys.testsFailed);
      const passed = metric(metricKeys.testsPassed);
      return { actual: failed, pass: failed === 0 && passed !== null && passed > 0 };
    }
    case "max_scan_age_days": {
      const actual = facts.lastScanAt ? Math.floor((facts.now.getTime() - facts.lastScanAt.getTime()) / 86_400_000) : null;
      return atMost(actual);
    }
  }
}

export function evaluateGate(criteria: GateCriterionInput[], facts: GateFacts): GateResult {
  const results = (criteria.length ? criteria : defaultGateCriteria).filter((c) => isKnown(c.key)).map((c): GateCriterionResult => {
    const key = c.key as GateCriterionKey;
    return { key, name: c.label ?? names[key](c.threshold), threshold: c.threshold, ...judge(key, c.threshold, facts) };
  });
  return { status: results.every((r) => r.pass) ? "pass" : "fail", criteria: results };
}
