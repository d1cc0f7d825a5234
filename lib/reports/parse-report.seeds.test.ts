import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "@/lib/reports/parse-report";
import type { ParsedReport } from "@/lib/reports/schema";

// The five seed reports and what lib/seed/reports/README.md says an import must yield.

const seed = (name: string) => parseReport(readFileSync(path.join("lib/seed/reports", name), "utf8"));
const count = <T>(items: T[], pick: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [pick(item)]: (acc[pick(item)] ?? 0) + 1 }), {});
const effortSum = (sprint: ParsedReport["sprints"][number]) => ({
  low: sprint.items.reduce((sum, i) => sum + (i.effort?.minutes ?? 0), 0),
  high: sprint.items.reduce((sum, i) => sum + (i.effort?.minutesHigh ?? i.effort?.minutes ?? 0), 0),
});

describe("seed 000: gap-analysis framework (mis-encoded)", () => {
  const report = seed("000_6b8ad34f52a79d74.txt");

  it("reads the 15 categories with their weights", () => {
    const weights = Object.fromEntries(report.categories.map((c) => [c.key, c.weight]));
    expect(weights).toEqual({
      integrity: 1.0, implementation: 0.9, services: 0.8, documentation: 0.6, testing: 0.7, configuration: 0.6,
      security: 1.0, performance: 0.8, observability: 0.8, deployment: 0.8, compliance: 0.7, business_continuity: 0.8,
      developer_experience: 0.5, api_integration: 0.8, data_governance: 0.8,
    });
    expect(report.categories.find((c) => c.key === "security")?.criticality).toBe("critical");
  });

  it("finds the 116 Missing gaps, by category, with the section's stated criticality", () => {
    expect(report.findings).toHaveLength(116);
    expect(report.findings.every((f) => f.kind === "missing")).toBe(true);
    expect(count(report.findings, (f) => f.category ?? "none")).toEqual({
      security: 16, performance: 12, observability: 16, deployment: 12, compliance: 12, business_continuity: 12,
      developer_experience: 12, api_integration: 12, data_governance: 12,
    });
    expect(count(report.findings, (f) => f.severity)).toEqual({ critical: 16, medium: 24, high: 76 });
    expect(report.findings.some((f) => f.severityInferred)).toBe(false);
  });

  it("reads the three phases from the fenced checklists, 8 open items each", () => {
    expect(report.sprints.map((s) => [s.name, s.items.length])).toEqual([
      ["Phase 1: Critical Security & Infrastructure", 8],
      ["Phase 2: Observability & Performance", 8],
      ["Phase 3: Compliance & Integration", 8],
    ]);
    expect(report.sprints.map((s) => s.window)).toEqual(["Weeks 1-4", "Weeks 5-8", "Weeks 9-12"]);
    expect(report.sprints.flatMap((s) => s.items).every((i) => i.status === "todo")).toBe(true);
  });

  it("repairs the mojibake and says so", () => {
    expect(report.title).toBe("Ekspansi Komprehensif Gap Analysis - MerajutASA.id");
    expect(JSON.stringify(report)).not.toMatch(/â€|ðŸ/);
    expect(report.warnings.map((w) => w.code)).toContain("mis_encoded");
  });
});

describe("seed 001: DevOps pipeline report", () => {
  const report = seed("001_04bf99f8f6852cab.txt");

  it("takes the 10 feature-matrix rows as strengths", () => {
    expect(report.strengths).toHaveLength(10);
    expect(report.strengths[0]?.title).toBe("GitHub Actions Pipeline");
  });

  it("records the measured test results and coverage", () => {
    const metrics = Object.fromEntries(report.metrics.map((m) => [m.key, m.value]));
    expect(metrics).toMatchObject({ "tests.passed": 20, "tests.failed": 0, "coverage.line": 93 });
  });
});

describe("seed 002: deep infrastructure analysis", () => {
  const report = seed("002_dd5bbc5571d6b528.txt");
  const byRef = (prefix: string) => report.findings.filter((f) => f.ref?.startsWith(prefix));

  it("finds 15 strengths", () => {
    expect(report.strengths).toHaveLength(15);
    expect(report.strengths[0]).toEqual({
      title: "Kustomize base/overlay pattern",
      detail: "Konsisten di semua services, separation of concerns jelas",
    });
  });

  it("finds CRIT, HIGH and MED findings with their refs, severities and files", () => {
    expect(byRef("CRIT").map((f) => f.ref)).toEqual(["CRIT-01"]);
    expect(byRef("HIGH").map((f) => f.ref)).toEqual(["HIGH-01", "HIGH-02", "HIGH-03", "HIGH-04", "HIGH-05", "HIGH-06"]);
    expect(byRef("MED").map((f) => f.ref)).toHaveLength(9);
    expect(count([...byRef("CRIT"), ...byRef("HIGH"), ...byRef("MED")], (f) => f.severity)).toEqual({ critical: 1, high: 6, medium: 9 });
    const crit = byRef("CRIT")[0]!;
    expect(crit.title).toBe("Git Config Mengandung GitHub Access Token Plaintext");
    expect(crit.locations).toEqual([{ file: ".git/config", line: null }]);
    expect(crit.description).toMatch(/tersimpan dalam plaintext/);
    expect(crit.recommendation).toMatch(/Revoke token/);
    expect(crit.category).toBe("security");
  });

  it("lets a finding's own Severity field win over its id, and keeps its bullets apart", () => {
    const original = readFileSync("lib/seed/reports/002_dd5bbc5571d6b528.txt", "utf8");
    const edited = original.replace(/(### HIGH-02:[\s\S]*?\*\*Severity\*\*: )[^\n]*/, "$1MEDIUM");
    const high02 = parseReport(edited).findings.find((f) => f.ref === "HIGH-02");
    expect(high02?.severity).toBe("medium");
    const high01 = report.findings.find((f) => f.ref === "HIGH-01");
    expect(high01?.description).toMatch(/\n- /);
  });

  it("reads the same from Windows line endings (as a pasted form field submits them)", () => {
    const crlf = readFileSync("lib/seed/reports/002_dd5bbc5571d6b528.txt", "utf8").replace(/\n/g, "\r\n");
    expect(parseReport(crlf)).toEqual(report);
  });

  it("reads the inconsistency and missing-component tables", () => {
    const inc = byRef("INC");
    expect(inc).toHaveLength(12);
    expect(inc.every((f) => f.kind === "inconsistency" && f.severity === "low")).toBe(true);
    const missing = report.findings.filter((f) => /^M-\d+$/.test(f.ref ?? ""));
    expect(missing).toHaveLength(15);
    expect(missing.every((f) => f.kind === "missing")).toBe(true);
    expect(missing[0]?.title).toBe("NetworkPolicy untuk semua namespace");
    expect(missing[0]?.locations).toEqual([{ file: "base/*/network-policy.yaml", line: null }]);
    expect(report.findings).toHaveLength(43);
  });

  it("reads 4 sprints with their items and effort; summary and ROI tables add nothing", () => {
    expect(report.sprints.map((s) => [s.name, s.window, s.items.length])).toEqual([
      ["Sprint 1 — Immediate", "< 1 minggu", 8],
      ["Sprint 2 — High Priority", "1-2 minggu", 12],
      ["Sprint 3 — Medium Priority", "2-4 minggu", 12],
      ["Sprint 4 — Long-term Improvements", "1-3 bulan", 10],
    ]);
    expect(report.sprints.map(effortSum)).toEqual([
      { low: 405, high: 405 },
      { low: 2400, high: 2400 },
      { low: 2970, high: 2970 },
      { low: 12960, high: 13920 },
    ]);
    expect(report.sprints[3]?.items[0]).toMatchObject({ title: "Multi-node K3s cluster untuk true HA", effort: { text: "3-5 hari", minutes: 1440, minutesHigh: 2400 } });
    expect(report.sprints[0]?.items[0]?.files).toEqual([".git/config"]);
  });
});

describe("seed 003: release plan with acceptance criteria", () => {
  it("proposes the gate criteria stated in the text", () => {
    const report = seed("003_010c5633cdc2941b.txt");
    expect(Object.fromEntries(report.gateCriteria.map((c) => [c.key, c.threshold]))).toEqual({
      min_line_coverage: 80,
      max_p95_ms: 300,
      max_error_rate: 0.01,
      all_tests_pass: 1,
    });
  });
});

describe("seed 004: readiness plan with [DONE] actions", () => {
  it("reads the 8 next actions, all done", () => {
    const report = seed("004_479f8bec1b2050ea.txt");
    const items = report.sprints.flatMap((s) => s.items);
    expect(items).toHaveLength(8);
    expect(items.every((i) => i.status === "done")).toBe(true);
    expect(items[2]?.title).toBe("Siapkan suite golden test untuk 18 contoh .omni.");
  });
});
