import { CliUsageError, parseOptions, type CliCommand } from "@/cli/command";
import { readReportFile } from "@/cli/read-report-file";
import { openScanFile } from "@/cli/read-scan-file";
import { AppError } from "@/lib/errors";
import { parseScan, type ParsedScan } from "@/lib/ingest/parse-scan";
import type { ParsedReport } from "@/lib/reports/schema";

// readyboard parse <file> [--json] [--format F] — never opens a database. A scan file (told by
// its content, or by --format) is parsed with its tool's parser; otherwise a Markdown report.
const parse: CliCommand = async (argv) => {
  const { values, positionals } = parseOptions(argv, { json: { type: "boolean" }, format: { type: "string" } });
  const file = positionals[0];
  if (!file) throw new CliUsageError("give the file to parse: readyboard parse <file> --json");
  const scan = await parseScanOrNull(file, values.format);
  if (scan) {
    console.log(values.json ? JSON.stringify(scan, null, 2) : describeScan(scan));
    return;
  }
  const { report } = await readReportFile(file).catch((error: unknown) => {
    if (!(error instanceof AppError) || error.code !== "unsupported_format") throw error;
    throw new AppError("unsupported_format", `${file} is neither a scan file Readyboard reads nor a Markdown report. Name the scan's format with --format.`);
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : describeReport(report));
};

/** The scan, or null when no scan parser recognises the file (it may be a report). */
async function parseScanOrNull(file: string, format: string | undefined): Promise<ParsedScan | null> {
  const source = await openScanFile(file);
  try {
    return await parseScan(source, format);
  } catch (error) {
    if (!format && error instanceof AppError && error.code === "unsupported_format") return null;
    throw error;
  }
}

const severities = ["critical", "high", "medium", "low", "info"];

function bySeverity(items: { severity: string }[]): string {
  const parts = severities.map((s) => [s, items.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return parts.length ? ` (${parts.map(([s, n]) => `${n} ${s}`).join(", ")})` : "";
}

function describeScan(scan: ParsedScan): string {
  const lines = [`Scan by ${scan.tool} (${scan.format}):`, `  ${scan.findings.length} findings${bySeverity(scan.findings)}`, `  ${scan.metrics.length} metrics`];
  for (const m of scan.metrics.filter((m) => m.scope === null)) lines.push(`    ${m.key} = ${m.value}${m.unit ? ` ${m.unit}` : ""}`);
  return lines.join("\n");
}

function describeReport(report: ParsedReport): string {
  const items = report.sprints.reduce((n, s) => n + s.items.length, 0);
  const lines = [
    `Report${report.title ? ` "${report.title}"` : ""}:`,
    `  ${report.findings.length} findings${bySeverity(report.findings)}`,
    `  ${report.strengths.length} strengths`,
    `  ${report.sprints.length} sprints with ${items} items`,
    `  ${report.categories.length} categories, ${report.gateCriteria.length} gate criteria, ${report.metrics.length} metrics`,
    ...report.warnings.map((w) => `Warning: ${w.message}`),
  ];
  return lines.join("\n");
}

export default parse;
