import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ReadinessReportData } from "@/lib/exports/get-readiness-report-data";
import { buildReadinessReport } from "@/lib/exports/readiness-report";
import { defaultCategories } from "@/lib/projects/default-categories";
import { parseReport } from "@/lib/reports/parse-report";
import { readReportText } from "@/lib/reports/read-report-text";
import type { ParsedReport } from "@/lib/reports/schema";

// Each seed report (and each real report among the importer's fixtures), as a project holds it
// after an import, exported and read again: the importer must read back exactly what it read
// from the original (tests/integration/exports.test.ts does the same through the database).

const seeds = readdirSync("lib/seed/reports").filter((n) => n.endsWith(".txt")).map((n) => `lib/seed/reports/${n}`);
const fixtures = readdirSync("tests/fixtures/reports").filter((n) => /^\d+-.*\.md$/.test(n)).map((n) => `tests/fixtures/reports/${n}`);
const firstPerKey = <T extends { key: string }>(rows: T[]) => rows.filter((r, i) => rows.findIndex((o) => o.key === r.key) === i);

/** What an import of the report leaves in a fresh project (15 default categories, findings open). */
function asProject(report: ParsedReport): ReadinessReportData {
  const categories = [...defaultCategories, ...report.categories.filter((c) => !defaultCategories.some((d) => d.key === c.key))];
  const refs = new Set(report.findings.flatMap((f) => (f.ref ? [f.ref.toUpperCase()] : [])));
  return {
    project: { slug: "seed", name: "Seed" },
    categories: categories.map(({ key, name }) => ({ key, name })),
    counts: [],
    findings: report.findings.map(({ ref, title, description, recommendation, severity, severityInferred, kind, category, locations }) => ({
      ref, title, description, recommendation, severity, severityInferred, kind, category, locations, status: "open" as const,
    })),
    closed: { listed: [], total: 0 },
    strengths: report.strengths,
    sprints: report.sprints.map((s) => ({
      name: s.name, window: s.window, goal: null, closedAt: null,
      items: s.items.map((i) => ({
        title: i.title, status: i.status, effortMinutes: i.effort?.minutes ?? null, effortMinutesHigh: i.effort?.minutesHigh ?? null,
        effortText: i.effort?.text ?? null, files: i.files, refs: i.refs.filter((r) => refs.has(r.toUpperCase())).map((r) => r.toUpperCase()),
      })),
    })),
    backlog: [],
    gateCriteria: firstPerKey(report.gateCriteria).map(({ key, threshold, label }) => ({ key, threshold, label })),
    metrics: firstPerKey(report.metrics).map(({ key, value, unit }) => ({ key, value, unit })),
  };
}

const byKey = (findings: ParsedReport["findings"]) => [...findings].sort((a, b) => (a.ref ?? a.title).localeCompare(b.ref ?? b.title));
const values = (metrics: ParsedReport["metrics"]) => metrics.map(({ key, value, unit }) => ({ key, value, unit })).sort((a, b) => a.key.localeCompare(b.key));

describe.each([...seeds, ...fixtures])("the readiness report of %s", (file) => {
  const seed = parseReport(readReportText(readFileSync(file), file));
  const exported = parseReport(buildReadinessReport(asProject(seed), new Date("2026-05-04T00:00:00Z")));

  it("reads back to the same findings, every field (sorted by severity in the report)", () => {
    expect(byKey(exported.findings)).toEqual(byKey(seed.findings));
  });

  it("reads back to the same sprints, items, strengths, gate criteria and metrics", () => {
    expect(exported.sprints).toEqual(seed.sprints);
    expect(exported.strengths).toEqual(seed.strengths);
    expect(exported.gateCriteria).toEqual(seed.gateCriteria);
    // A metric's label is the line it was read from, which the project does not keep, and the
    // order is where each is stated: the export writes the test counts together.
    expect(values(exported.metrics)).toEqual(values(seed.metrics));
  });
});
