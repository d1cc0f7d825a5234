import { CliUsageError, parseOptions, withDatabase, type CliCommand } from "@/cli/command";
import { readReportFile } from "@/cli/read-report-file";
import { cliActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkReportHasContent } from "@/lib/reports/check-report-has-content";
import { importReport, type ImportSummary } from "@/lib/reports/import-report";
import type { ReportWarning } from "@/lib/reports/schema";

// readyboard import-report <file.md> --project S [--json] — imports a Markdown report into a
// project, all or nothing; the file is read and checked before the database is opened.
const importReportCommand: CliCommand = async (argv) => {
  const { values, positionals } = parseOptions(argv, { project: { type: "string" }, json: { type: "boolean" } });
  const file = positionals[0];
  if (!file || !values.project) throw new CliUsageError("give the report and the project: readyboard import-report report.md --project <slug>");
  const slug = values.project;
  const { report, fileName, sha256 } = await readReportFile(file);
  checkReportHasContent(report);
  await withDatabase(async () => {
    const project = await getDb().project.findUnique({ where: { slug }, select: { id: true } });
    if (!project) throw new AppError("not_found", `No project with the slug "${slug}".`);
    const summary = await importReport(cliActor, project.id, { report, fileName, sha256 });
    console.log(values.json ? JSON.stringify({ summary, warnings: report.warnings }, null, 2) : describeSummary(fileName, slug, summary, report.warnings));
  });
};

const labels = { findings: "findings", strengths: "strengths", sprints: "sprints", items: "items", categories: "categories", gateCriteria: "gate criteria", metrics: "metrics" };
const SHOWN_MISSING = 20;

function describeSummary(fileName: string, slug: string, summary: ImportSummary, warnings: ReportWarning[]): string {
  const lines = [`Imported ${fileName} into ${slug}:`];
  for (const [type, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
    const [added, updated, unchanged] = [summary.added[type], summary.updated[type], summary.unchanged[type]];
    if (added + updated + unchanged > 0) lines.push(`  ${label.padEnd(14)} ${added} added, ${updated} updated, ${unchanged} unchanged`);
  }
  if (summary.missing.length) {
    lines.push(`No longer in the report (left as they are): ${summary.missing.length}`);
    for (const m of summary.missing.slice(0, SHOWN_MISSING)) lines.push(`  ${m.type} ${m.ref ? `${m.ref} ` : ""}${m.title}`);
    if (summary.missing.length > SHOWN_MISSING) lines.push(`  … and ${summary.missing.length - SHOWN_MISSING} more (--json lists them all)`);
  }
  for (const w of warnings) lines.push(`Warning: ${w.message}`);
  return lines.join("\n");
}

export default importReportCommand;
