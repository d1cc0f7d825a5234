import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "@/lib/reports/parse-report";

// Real public reports (tests/fixtures/reports) against what a careful reader counted in
// EXPECTED.json. "unrated" there is a finding whose report states no severity: the importer
// sets those to medium and marks them inferred, so inferred ones are counted as unrated here.

type Expected = {
  file: string;
  findings_by_severity: Record<"critical" | "high" | "medium" | "low" | "unrated", number>;
  finding_ids: string[];
  strengths_count: number;
  checklist: { open: number; done: number };
};

const dir = "tests/fixtures/reports";
const expected: Expected[] = JSON.parse(readFileSync(path.join(dir, "EXPECTED.json"), "utf8"));
const fixture = (prefix: string) => {
  const entry = expected.find((e) => e.file.startsWith(prefix));
  if (!entry) throw new Error(`no fixture ${prefix}`);
  return { entry, report: parseReport(readFileSync(path.join(dir, entry.file), "utf8")) };
};

function severityCounts(report: ReturnType<typeof parseReport>) {
  const counts = { critical: 0, high: 0, medium: 0, low: 0, unrated: 0 };
  for (const f of report.findings) counts[f.severityInferred || f.severity === "info" ? "unrated" : f.severity]++;
  return counts;
}

describe("findings by severity match the careful reader's count", () => {
  it.each([
    ["04", "Indonesian security audit: numbered headings under 'Temuan Audit', severities from the action-plan table"],
    ["05", "Indonesian audit: numbered bold headings under 'KERENTANAN KRITIS' / 'KERENTANAN MEDIUM'"],
    ["07", "Indonesian recommendations grouped by priority sections"],
    ["08", "Indonesian executive summary: a 'Top 20' table with # / Severity / Area / Masalah"],
    ["09", "Indonesian fix plan with no findings at all"],
    ["10", "Indonesian recommendations: 30 numbered headings under '(Prioritas …)' sections"],
    ["11", "English executive summary: '### 1. 🔴 CRITICAL — …' (the word wins over the emoji)"],
    ["12", "English readiness audit: numbered #### headings under 'Issues Found (CRITICAL — Fixed)'"],
    ["13", "English gap analysis: one Severity | Area | Evidence table"],
    ["15", "English remediation roadmap with no findings"],
    ["17", "English security audit: '### 🚨 CRITICAL-001: …' ids; ✅ PASS-… checks are not findings"],
    ["20", "English security audit: '### 1. …' under 'Critical Vulnerabilities' etc."],
  ])("%s: %s", (prefix) => {
    const { entry, report } = fixture(prefix);
    expect(severityCounts(report)).toEqual(entry.findings_by_severity);
  });
});

describe("finding ids are kept in report order", () => {
  it("17: every CRITICAL/HIGH/MEDIUM/LOW id; the two PASS-… ids are passed checks, not findings", () => {
    const { entry, report } = fixture("17");
    expect(report.findings.map((f) => f.ref)).toEqual(entry.finding_ids.filter((id) => !id.startsWith("PASS-")));
  });

  it("19: the 36 GAP-… ids", () => {
    const { entry, report } = fixture("19");
    expect(report.findings.map((f) => f.ref).filter(Boolean)).toEqual(entry.finding_ids);
  });
});

describe("strengths", () => {
  it.each([
    ["01", "'Kekuatan' bullets under three area headings"],
    ["02", "bullets under 'Kekuatan'; the per-page ✅ test tables are assessments, not strengths"],
    ["05", "numbered ✅ headings under 'PRAKTIK KEAMANAN YANG BAIK'; their bullets are details"],
    ["11", "bullets under 'What's Genuinely Good'"],
    ["14", "the report's strengths section"],
  ])("%s: %s", (prefix) => {
    const { entry, report } = fixture(prefix);
    expect(report.strengths).toHaveLength(entry.strengths_count);
  });
});

describe("checklists become roadmap items with their state", () => {
  it.each([["01"], ["07"], ["09"], ["12"]])("%s", (prefix) => {
    const { entry, report } = fixture(prefix);
    const items = report.sprints.flatMap((s) => s.items);
    expect({ open: items.filter((i) => i.status === "todo").length, done: items.filter((i) => i.status === "done").length }).toEqual(entry.checklist);
  });
});
