import type { ExportFinding } from "@/lib/exports/find-export-findings";

// Findings as CSV (RFC 4180): fields with a comma, quote or line break quoted, quotes doubled,
// CRLF line ends, UTF-8 with a byte order mark so Excel reads Indonesian text as UTF-8. Pure.

export const findingsCsvColumns = [
  "ref", "title", "severity", "status", "kind", "category", "source", "locations", "cwe", "cve", "package",
  "installed version", "fixed version", "first seen", "last seen", "resolved at", "assignee email", "description",
] as const;

const bom = "\uFEFF";

/**
 * One field. A spreadsheet runs a cell that starts with =, +, -, @ (or a tab or CR before one)
 * as a formula, and finding text comes from scanned code and reports: such a cell gets a
 * leading apostrophe, which spreadsheets show as text.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (fields: (string | null | undefined)[]) => `${fields.map(csvField).join(",")}\r\n`;

/** The byte order mark and the header line: the start of every findings CSV. */
export const findingsCsvHead = `${bom}${csvLine([...findingsCsvColumns])}`;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function findingCsvLine(f: ExportFinding): string {
  // One tool per source row and branch: a finding seen by trivy on two branches is "trivy" once.
  const tools = [...new Set(f.sources.map((s) => s.tool))];
  const locations = f.locations.map((l) => (l.line ? `${l.file}:${l.line}` : l.file)).join("; ");
  return csvLine([
    f.ref, f.title, f.severity, f.status, f.kind, f.category?.name, tools.length ? tools.join("; ") : f.source, locations,
    f.cwe, f.cve, f.packageName, f.installedVersion, f.fixedVersion,
    iso(f.firstSeenAt), iso(f.lastSeenAt), iso(f.resolvedAt), f.assignee?.email, f.description,
  ]);
}

/** A whole CSV at once, for small sets; the export route streams findingsCsvHead and pages of lines. */
export const findingsCsv = (findings: ExportFinding[]) => findingsCsvHead + findings.map(findingCsvLine).join("");
