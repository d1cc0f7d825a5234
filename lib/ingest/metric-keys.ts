// The metrics scans measure, by key. Gate criteria and charts read these names.
export const metricKeys = {
  testsPassed: "tests.passed",
  testsFailed: "tests.failed",
  testsSkipped: "tests.skipped",
  /** Percent, 0–100. */
  lineCoverage: "coverage.line",
  /** Percent, 0–100. */
  branchCoverage: "coverage.branch",
  /** Milliseconds. */
  p95Latency: "latency.p95_ms",
  /** Milliseconds. */
  p99Latency: "latency.p99_ms",
  /** A fraction, 0–1 (k6's http_req_failed rate). */
  errorRate: "http.error_rate",
  /** k6 thresholds: 1 passed, 0 failed, scoped by the threshold's name. */
  threshold: "k6.threshold",
} as const;
