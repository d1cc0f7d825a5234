import type { ReadinessReportData } from "@/lib/exports/get-readiness-report-data";
import { inline, line } from "@/lib/exports/markdown-text";
import { extractMeasures } from "@/lib/reports/extract-measures";
import { readBlocks } from "@/lib/reports/markdown-tree";

// The gate criteria and the latest metrics, in the prose the report importer proposes back
// ("coverage ≥ 80 %", "Total Coverage: 93 %"). The importer keeps the first statement of each
// key, so these sections come before any finding text that might state one. Pure.

type Criterion = ReadinessReportData["gateCriteria"][number];
type Metric = ReadinessReportData["metrics"][number];

// Numbers as short as they read: 0.07 * 100 is 7.000000000000001 in floating point.
const num = (value: number) => String(Number(value.toPrecision(12)));
const measuresIn = (listItem: string) => extractMeasures(readBlocks(`- ${listItem}`));

function canonical({ key, threshold }: Criterion): string {
  const n = num(threshold);
  switch (key) {
    case "min_line_coverage":
      return `coverage ≥ ${n} %`;
    case "max_p95_ms":
      return `p95 < ${n} ms`;
    case "max_error_rate":
      return `error rate < ${num(threshold * 100)} %`;
    case "all_tests_pass":
      return "all tests pass";
    case "max_open_critical":
      return threshold === 0 ? "No open critical findings" : `At most ${n} open critical findings`;
    case "max_open_high":
      return threshold === 0 ? "No open high findings" : `At most ${n} open high findings`;
    case "max_scan_age_days":
      return `The latest scan is at most ${n} days old`;
    default:
      return `${inline(key)}: ${n}`;
  }
}

/**
 * Each criterion as the sentence an import recorded it with, when that sentence still reads back
 * as the project's criteria (so a re-import changes no label), else in the importer's own words.
 */
export function gateSection(criteria: Criterion[]): string | null {
  if (!criteria.length) return null;
  const threshold = new Map(criteria.map((c) => [c.key, c.threshold]));
  const readsBack = (text: string, key: string) => {
    const { gateCriteria, metrics } = measuresIn(text);
    return metrics.length === 0 && gateCriteria.some((g) => g.key === key) && gateCriteria.every((g) => threshold.get(g.key) === g.threshold);
  };
  const lines = criteria.map((c) => (c.label && readsBack(line(c.label), c.key) ? line(c.label) : canonical(c)));
  const unique = [...new Set(lines)];
  const intro = "The release gate passes when all of these hold:";
  return ["## Gate criteria", intro, unique.map((l) => `- ${l}`).join("\n")].join("\n\n");
}

const value = (m: Metric) => `${num(m.value)}${m.unit ? ` ${m.unit}` : ""}`;

/** "Total Coverage: 93 %", "Tests: 20 passed, 0 failed", then the other metrics by key. */
export function metricsSection(metrics: Metric[]): string | null {
  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const lines: string[] = [];
  const coverage = byKey.get("coverage.line");
  if (coverage) lines.push(`Total Coverage: ${num(coverage.value)} %`);
  const [passed, failed] = [byKey.get("tests.passed"), byKey.get("tests.failed")];
  const tests = [passed && `${num(passed.value)} passed`, failed && `${num(failed.value)} failed`].filter(Boolean);
  if (tests.length) lines.push(`Tests: ${tests.join(", ")}`);
  for (const m of metrics) {
    if (["coverage.line", "tests.passed", "tests.failed"].includes(m.key)) continue;
    const text = `${inline(m.key)}: ${inline(value(m))}`;
    // A metric of another name that reads as one of the above would record a wrong value.
    const read = measuresIn(text);
    if (!read.gateCriteria.length && !read.metrics.length) lines.push(text);
  }
  if (!lines.length) return null;
  return ["## Latest metrics", lines.map((l) => `- ${l}`).join("\n")].join("\n\n");
}
