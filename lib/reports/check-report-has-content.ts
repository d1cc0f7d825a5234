import { AppError } from "@/lib/errors";
import type { ParsedReport } from "@/lib/reports/schema";

// Pure, so the import preview can tell a lead before they press Import.

/** What the importer reads, in words a lead can check their document against. */
export const recognisedContent = [
  'finding headings such as "### CRIT-01: Token in git config" (CRIT, HIGH, MED, INC, M refs)',
  "tables with ID, title and severity columns",
  '"**Missing:**" bullet lists under a category',
  "a strengths section (bullets or a ✅ feature table)",
  "sprint or phase sections with checklists or effort tables",
  "a category table with weights and criticality",
  "acceptance criteria (coverage, p95 latency, error rate, tests)",
  "test and coverage results",
] as const;

export function reportHasContent(report: ParsedReport): boolean {
  return (
    report.findings.length > 0 ||
    report.strengths.length > 0 ||
    report.sprints.some((s) => s.items.length > 0) ||
    report.categories.length > 0 ||
    report.gateCriteria.length > 0 ||
    report.metrics.length > 0
  );
}

/** Refuses a report with nothing to import, listing what the importer looks for. */
export function checkReportHasContent(report: ParsedReport): void {
  if (reportHasContent(report)) return;
  throw new AppError("unprocessable", `Nothing recognisable in this report. The importer looks for: ${recognisedContent.join("; ")}.`);
}
