import { describe, expect, it } from "vitest";
import { checkReportHasContent, reportHasContent } from "@/lib/reports/check-report-has-content";
import type { ParsedReport } from "@/lib/reports/schema";

const empty: ParsedReport = { kind: "report", title: "Notes", findings: [], strengths: [], sprints: [], categories: [], gateCriteria: [], metrics: [], warnings: [] };

describe("checkReportHasContent", () => {
  it("accepts a report with any one kind of content", () => {
    expect(reportHasContent({ ...empty, strengths: [{ title: "CI", detail: "" }] })).toBe(true);
    expect(reportHasContent({ ...empty, metrics: [{ key: "tests.passed", value: 3, unit: null, label: "3 passed" }] })).toBe(true);
    expect(reportHasContent({ ...empty, sprints: [{ name: "Later", window: null, items: [{ title: "x", status: "todo", effort: null, refs: [], files: [] }] }] })).toBe(true);
  });

  it("refuses a report with nothing to import (sprints without items included), listing what it looks for", () => {
    const report = { ...empty, sprints: [{ name: "Later", window: null, items: [] }] };
    expect(reportHasContent(report)).toBe(false);
    expect(() => checkReportHasContent(report)).toThrow(expect.objectContaining({ code: "unprocessable" }));
    expect(() => checkReportHasContent(report)).toThrow(/finding headings such as "### CRIT-01: .*"\*\*Missing:\*\*".*acceptance criteria/);
  });
});
