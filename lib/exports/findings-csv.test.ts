import { describe, expect, it } from "vitest";
import type { ExportFinding } from "@/lib/exports/find-export-findings";
import { csvField, findingCsvLine, findingsCsv, findingsCsvColumns } from "@/lib/exports/findings-csv";

const finding = (f: Partial<ExportFinding> = {}): ExportFinding => ({
  id: "f1", ref: "CRIT-01", title: "Token in .git/config", severity: "critical", status: "open", kind: "secret", source: "report", description: "",
  cwe: null, cve: null, packageName: null, installedVersion: null, fixedVersion: null,
  firstSeenAt: new Date("2026-01-02T03:04:05Z"), lastSeenAt: new Date("2026-02-03T04:05:06Z"), resolvedAt: null,
  category: { name: "Security" }, assignee: null, locations: [], sources: [], ...f,
});

/** RFC 4180 read back: the fields of each CRLF-ended record, quotes undone. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      record.push(field);
      field = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      records.push([...record, field]);
      [record, field] = [[], ""];
      i++;
    } else {
      field += c;
    }
  }
  return records;
}

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["Temuan keamanan — kata sandi", "Temuan keamanan — kata sandi"],
    [null, ""],
  ])("%j → %s", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each(["=HYPERLINK(\"http://evil.test\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("guards a formula: %j", (value) => {
    expect(csvField(value).replace(/^"/, "")).toMatch(/^'/);
    expect(readCsv(`${csvField(value)}\r\n`)).toEqual([[`'${value}`]]);
  });
});

describe("findingsCsv", () => {
  it("starts with a BOM and the header, and ends every record with CRLF", () => {
    const csv = findingsCsv([finding()]);
    expect(csv.startsWith("\uFEFFref,title,severity,status,kind,category,source,locations,cwe,cve,package,installed version,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const [header, row] = readCsv(csv.slice(1));
    expect(header).toEqual([...findingsCsvColumns]);
    expect(row).toHaveLength(findingsCsvColumns.length);
  });

  it("writes each column of a finding", () => {
    const line = findingCsvLine(
      finding({
        kind: "vulnerability", source: "trivy", cwe: "CWE-79", cve: "CVE-2024-1234", packageName: "lodash", installedVersion: "4.17.20", fixedVersion: "4.17.21",
        resolvedAt: new Date("2026-03-01T00:00:00Z"), assignee: { email: "lead@example.test" }, description: "Prototype pollution,\n\"critical\" path",
        locations: [{ file: "package.json", line: 12 }, { file: "src/app.ts", line: null }], sources: [{ tool: "npm-audit" }, { tool: "trivy" }, { tool: "trivy" }],
      }),
    );
    expect(readCsv(line)).toEqual([[
      "CRIT-01", "Token in .git/config", "critical", "open", "vulnerability", "Security", "npm-audit; trivy", "package.json:12; src/app.ts",
      "CWE-79", "CVE-2024-1234", "lodash", "4.17.20", "4.17.21", "2026-01-02T03:04:05.000Z", "2026-02-03T04:05:06.000Z", "2026-03-01T00:00:00.000Z",
      "lead@example.test", "Prototype pollution,\n\"critical\" path",
    ]]);
  });

  it("names the finding's source when no tool has seen it, and leaves absent values empty", () => {
    const [row] = readCsv(findingCsvLine(finding({ ref: null, category: null })));
    expect(row).toEqual(["", "Token in .git/config", "critical", "open", "secret", "", "report", "", "", "", "", "", "", "2026-01-02T03:04:05.000Z", "2026-02-03T04:05:06.000Z", "", "", ""]);
  });
});
