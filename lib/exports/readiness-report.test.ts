import { describe, expect, it } from "vitest";
import type { ReadinessReportData } from "@/lib/exports/get-readiness-report-data";
import { buildReadinessReport } from "@/lib/exports/readiness-report";
import { defaultCategories } from "@/lib/projects/default-categories";
import { parseReport } from "@/lib/reports/parse-report";

// The contract: parseReport reads the exported report back to the project's open findings,
// strengths, sprints and gate criteria. Where a detail cannot come back, the test says why.

type Finding = ReadinessReportData["findings"][number];
type Item = ReadinessReportData["sprints"][number]["items"][number];

const finding = (f: Partial<Finding> & Pick<Finding, "title">): Finding => ({
  ref: null, description: "", recommendation: null, severity: "medium", severityInferred: false, kind: "gap", status: "open", category: null, locations: [], ...f,
});
const item = (i: Partial<Item> & Pick<Item, "title">): Item => ({ status: "todo", effortMinutes: null, effortMinutesHigh: null, effortText: null, files: [], refs: [], ...i });
const at = new Date("2026-05-04T10:00:00Z");

const data: ReadinessReportData = {
  project: { slug: "shop", name: "Shop *API*" },
  categories: [...defaultCategories.map(({ key, name }) => ({ key, name: key === "security" ? "Keamanan" : name })), { key: "ai_safety", name: "AI safety" }],
  counts: [{ severity: "critical", status: "open", count: 1 }, { severity: "high", status: "resolved", count: 1 }],
  findings: [
    finding({ ref: "CRIT-01", title: "Token in .git/config", severity: "critical", category: "security", locations: [{ file: ".git/config", line: null }, { file: "src/app.ts", line: 12 }], description: "Plaintext *token*.\n\n- pushed\n- public", recommendation: "Revoke it." }),
    finding({ ref: "INC-02", title: "Jaeger namespace drift", severity: "low", kind: "inconsistency", category: "observability", status: "in_progress" }),
    finding({ title: "Rate limiting", kind: "missing", severity: "high", category: "security", recommendation: "Add a limiter.\n\nPer route, [x] in the gateway." }),
    finding({ ref: "M-03", title: "Runbooks", kind: "missing", severityInferred: true, category: "documentation", description: "apiVersion: v1\n  kind: ConfigMap" }),
    finding({ title: "Critical path not cached", severityInferred: true, category: "performance" }),
    finding({ ref: "B105", title: "Hard-coded password", kind: "secret", severity: "high", category: "security" }),
    finding({ title: "Queue has no dead-letter", severity: "high", description: "Messages vanish.\nNobody notices." }),
    finding({ ref: "MED-08", title: "RabbitMQ without clustering", description: "Single node: a restart drops messages.", locations: [{ file: "base/rabbit|mq.yaml", line: 3 }] }),
    finding({ title: "Unpinned base image", severity: "low", description: "Runs the 'latest' tag of the security scanner" }),
    finding({ ref: "M-14", title: "make target", kind: "missing", severityInferred: true, description: "Mentioned in the docs" }),
    finding({ title: "Model drift unchecked", category: "ai_safety" }),
  ],
  closed: {
    listed: [
      { ref: "HIGH-09", title: "Old TLS", severity: "high", status: "resolved", resolvedAt: at, riskAcceptedUntil: null },
      { ref: null, title: "Accepted: weak cipher", severity: "low", status: "risk_accepted", resolvedAt: null, riskAcceptedUntil: at },
    ],
    total: 3,
  },
  strengths: [{ title: "Kustomize overlays", detail: "Consistent *everywhere*." }, { title: "GitOps", detail: "" }],
  sprints: [
    {
      name: "Sprint 1 — Immediate", window: "< 1 minggu", goal: "Stop the leaks.", closedAt: null,
      items: [
        item({ title: "Revoke the token", effortMinutes: 15, effortText: "15 menit", refs: ["CRIT-01", "INC-02"], files: [".git/config", "a|b.yaml"] }),
        item({ title: "Write the runbook", status: "done" }),
        item({ title: "Add a limiter | gateway", status: "doing", effortMinutes: 1440, effortMinutesHigh: 2400, effortText: "3-5 hari" }),
        item({ title: "Edited in the app", effortMinutes: 90, effortText: "1 jam" }),
      ],
    },
    { name: "Phase 2: Hardening", window: null, goal: "Reach coverage ≥ 90 %", closedAt: at, items: [item({ title: "Pin images", effortMinutes: 120, effortText: "2 hours" })] },
    {
      name: "Deployment checklist", window: null, goal: null, closedAt: null,
      items: [
        item({ title: "Tag images (2 jam) in deploy/*.yaml", effortMinutes: 120, effortText: "2 jam", status: "done", files: ["deploy/*.yaml"] }),
        item({ title: "1. Pin charts", effortMinutes: 60, effortText: "1 hour", files: ["Chart.lock"] }),
      ],
    },
    { name: "Sprint 9 — Later", window: null, goal: null, closedAt: null, items: [] },
  ],
  backlog: [item({ title: "- [ ] Someday: SSO" })],
  gateCriteria: [
    { key: "min_line_coverage", threshold: 80, label: "Unit: Target coverage ≥80%." },
    { key: "max_p95_ms", threshold: 300, label: "p95 < 250 ms" },
    { key: "max_error_rate", threshold: 0.07, label: null },
    { key: "all_tests_pass", threshold: 1, label: null },
    { key: "max_open_critical", threshold: 0, label: null },
  ],
  metrics: [
    { key: "coverage.line", value: 87.5, unit: "%" }, { key: "latency.p95_ms", value: 240, unit: "ms" },
    { key: "tests.failed", value: 2, unit: null }, { key: "tests.passed", value: 120, unit: null },
  ],
};

const markdown = buildReadinessReport(data, at);
const report = parseReport(markdown);
const key = (f: { ref: string | null; title: string }) => f.ref ?? f.title;
const byKey = <T extends { ref: string | null; title: string }>(rows: T[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe("buildReadinessReport", () => {
  it("titles and dates the report, with the summary under a heading the importer skips", () => {
    expect(report.title).toBe("Shop *API* — readiness report");
    expect(markdown).toContain("Generated by Readyboard on 2026-05-04");
    expect(markdown).toMatch(/## Summary\n\n11 open findings/);
  });

  it("reads back each open finding with its ref, title, severity, kind, category and locations", () => {
    const importerKind = (kind: Finding["kind"]) => (kind === "missing" || kind === "inconsistency" ? kind : "gap");
    // What the importer reads: every field but the status, which is the app's to keep.
    const read = ({ ref, title, description, recommendation, severity, severityInferred, kind, category, locations }: Finding) =>
      ({ ref, title, description, recommendation, severity, severityInferred, kind: importerKind(kind), category, locations });
    const expected = data.findings.map(read);
    const exceptions: Record<string, Partial<Finding>> = {
      // A scanner's rule id is no report id: in the heading it would become part of the title.
      B105: { ref: null },
      // The title states a severity, so "medium" is stated for it, and is no longer inferred.
      "Critical path not cached": { severityInferred: false },
      // The importer knows only the 15 default category keys.
      "Model drift unchecked": { category: null },
    };
    expect(byKey(report.findings)).toEqual(byKey(expected.map((f) => ({ ...f, ...exceptions[key(f)] }))));
    expect(report.warnings.find((w) => w.code === "severity_inferred")?.count).toBe(2);
  });

  it("leaves closed findings and the backlog to appendices the importer does not read", () => {
    expect(markdown).toContain("| HIGH-09 | Old TLS | high | Resolved | 2026-05-04 |");
    expect(markdown).toContain("Risk accepted until 2026-05-04");
    expect(markdown).toContain("The 2 most recently closed of 3");
    expect(report.findings.map((f) => f.title)).not.toContain("Old TLS");
    expect(report.sprints.flatMap((s) => s.items).map((i) => i.title)).not.toContain("- [ ] Someday: SSO");
  });

  it("reads back the sprints: names, windows, item titles, statuses and efforts, refs and files", () => {
    const effort = (text: string, minutes: number, minutesHigh: number | null = null) => ({ text, minutes, minutesHigh });
    expect(report.sprints).toEqual([
      {
        name: "Sprint 1 — Immediate", window: "< 1 minggu",
        items: [
          { title: "Revoke the token", status: "todo", effort: effort("15 menit", 15), refs: ["CRIT-01", "INC-02"], files: [".git/config", "a|b.yaml"] },
          { title: "Write the runbook", status: "done", effort: null, refs: [], files: [] },
          // The importer has no "doing": an item in progress reads as todo.
          { title: "Add a limiter | gateway", status: "todo", effort: effort("3-5 hari", 1440, 2400), refs: [], files: [] },
          // The text no longer said the minutes (edited in the app): the minutes are written.
          { title: "Edited in the app", status: "todo", effort: effort("90 minutes", 90), refs: [], files: [] },
        ],
      },
      { name: "Phase 2: Hardening", window: null, items: [{ title: "Pin images", status: "todo", effort: effort("2 hours", 120), refs: [], files: [] }] },
      // Not a sprint heading: a checklist under its own name, where only the title states an
      // effort and names files.
      {
        name: "Deployment checklist", window: null,
        items: [
          { title: "Tag images (2 jam) in deploy/*.yaml", status: "done", effort: effort("2 jam", 120), refs: [], files: ["deploy/*.yaml"] },
          { title: "1. Pin charts", status: "todo", effort: null, refs: [], files: [] },
        ],
      },
      // "Sprint 9 — Later" has no items, and a sprint without items is not read.
    ]);
    // A goal stating a target would be proposed as a gate criterion, so it is left out.
    expect(markdown).toContain("Goal: Stop the leaks.");
    expect(markdown).not.toContain("coverage ≥ 90");
  });

  it("cannot keep a finding out of a category when its longer text names one: the importer reads it there", () => {
    const only = { ...data, findings: [finding({ title: "Broker open", description: "No TLS on the broker.\nAnyone can listen." })] };
    expect(parseReport(buildReadinessReport(only, at)).findings[0]?.category).toBe("security");
  });

  it("reads back the gate criteria, under the recorded sentence when it still says the same", () => {
    expect(report.gateCriteria).toEqual([
      { key: "min_line_coverage", threshold: 80, label: "Unit: Target coverage ≥80%." },
      { key: "max_p95_ms", threshold: 300, label: "p95 < 300 ms" },
      { key: "max_error_rate", threshold: 0.07, label: "error rate < 7 %" },
      { key: "all_tests_pass", threshold: 1, label: "all tests pass" },
    ]);
    // The importer proposes no open-findings criterion; the gate still shows it.
    expect(markdown).toContain("- No open critical findings");
  });

  it("reads back the latest metrics and the strengths", () => {
    expect(report.metrics.map(({ key, value, unit }) => ({ key, value, unit }))).toEqual([
      { key: "tests.passed", value: 120, unit: null },
      { key: "tests.failed", value: 2, unit: null },
      { key: "coverage.line", value: 87.5, unit: "%" },
    ]);
    expect(markdown).toContain("- latency.p95_ms: 240 ms");
    expect(report.strengths).toEqual(data.strengths);
  });
});
