import { CliUsageError, parseOptions, type CliCommand } from "@/cli/command";
import { readReportFile } from "@/cli/read-report-file";
import { AppError } from "@/lib/errors";
import type { ParsedReport } from "@/lib/reports/schema";

// readyboard parse <file> [--json] — never opens a database. A Markdown report is parsed and
// printed; anything else (JSON, XML, binary) is an unsupported format (exit code 2) until the
// scan parsers plug in here.
const parse: CliCommand = async (argv) => {
  const { values, positionals } = parseOptions(argv, { json: { type: "boolean" }, format: { type: "string" } });
  const file = positionals[0];
  if (!file) throw new CliUsageError("give the file to parse: readyboard parse <file> --json");
  const { report } = await readReportFile(file).catch((error: unknown) => {
    if (!(error instanceof AppError) || error.code !== "unsupported_format") throw error;
    throw new AppError("unsupported_format", `unsupported format: ${file} is not a Markdown report (scan parsers are not installed yet)`);
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : describeReport(report));
};

function describeReport(report: ParsedReport): string {
  const severities = ["critical", "high", "medium", "low", "info"]
    .map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const items = report.sprints.reduce((n, s) => n + s.items.length, 0);
  const lines = [
    `Report${report.title ? ` "${report.title}"` : ""}:`,
    `  ${report.findings.length} findings${severities.length ? ` (${severities.join(", ")})` : ""}`,
    `  ${report.strengths.length} strengths`,
    `  ${report.sprints.length} sprints with ${items} items`,
    `  ${report.categories.length} categories, ${report.gateCriteria.length} gate criteria, ${report.metrics.length} metrics`,
    ...report.warnings.map((w) => `Warning: ${w.message}`),
  ];
  return lines.join("\n");
}

export default parse;
