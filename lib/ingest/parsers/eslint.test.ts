import { describe, expect, it } from "vitest";
import { eslintParser } from "@/lib/ingest/parsers/eslint";
import { fingerprintsAcrossShift, parseText } from "@/lib/ingest/parsers/code-scan-testing";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";

const fileResult = (messages: unknown[], source?: string) => ({ filePath: "C:\\repo\\src\\app.js", messages, errorCount: messages.length, warningCount: 0, ...(source === undefined ? {} : { source }) });
const message = (line: number, more: Record<string, unknown> = {}) => ({ ruleId: "no-unused-vars", severity: 2, message: "'x' is defined but never used.", line, column: 7, ...more });

describe("eslint", () => {
  it.each([
    ["eslint/scan.json", 2],
    ["eslint/no_finding.json", 0],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(eslintParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["eslint"]);
    expect(findings).toHaveLength(count);
  });

  it("treats security-plugin rules as vulnerabilities: error medium, warning low", async () => {
    const { findings } = await parseFixture(eslintParser, "eslint/scan.json");
    expect(findings.map((f) => [f.severity, f.kind, f.category])).toEqual([
      ["medium", "vulnerability", "security"],
      ["low", "vulnerability", "security"],
    ]);
    expect(findings[0]).toMatchObject({ ruleId: "security/detect-object-injection", locations: [{ file: "/Users/omerlh/dev/juice-shop/routes/basketItems.js", line: 19 }] });
    // The source ESLint quoted gives each message its code.
    expect(findings[0]!.description).toContain("if (result[i].key === 'ProductId') {");
    expect(findings[0]!.fingerprint).not.toBe(findings[1]!.fingerprint);
  });

  it("treats other rules as code quality and links core rules to their page", async () => {
    const { findings } = await parseText(eslintParser, JSON.stringify([fileResult([message(3), message(4, { severity: 1, ruleId: "react/no-danger" })])]));
    expect(findings.map((f) => [f.severity, f.kind, f.category])).toEqual([
      ["medium", "quality", "implementation"],
      ["low", "quality", "implementation"],
    ]);
    expect(findings[0]!.references).toEqual(["https://eslint.org/docs/latest/rules/no-unused-vars"]);
    expect(findings[0]!.locations).toEqual([{ file: "C:/repo/src/app.js", line: 3 }]);
  });

  it("reports a file ESLint could not parse, as nothing in it was checked", async () => {
    const fatal = { ruleId: null, fatal: true, severity: 2, message: "Parsing error: Unexpected token )", line: 8, column: 12 };
    const { findings } = await parseText(eslintParser, JSON.stringify([fileResult([fatal])]));
    expect(findings[0]).toMatchObject({ ruleId: null, severity: "medium", kind: "quality", title: "ESLint could not parse the file: Parsing error: Unexpected token )" });
  });

  it("keeps a finding's fingerprint when the code above it moves, with or without the source", async () => {
    const source = (shift: number) => `${"\n".repeat(shift)}const a = 1;\nconst x = 2;\n`;
    const quoted = await fingerprintsAcrossShift(eslintParser, (shift) => JSON.stringify([fileResult([message(2 + shift)], source(shift))]));
    expect(quoted[0]).toEqual(quoted[1]);
    const bare = await fingerprintsAcrossShift(eslintParser, (shift) => JSON.stringify([fileResult([message(2 + shift), message(9 + shift, { message: "'y' is defined but never used." })])]));
    expect(bare[0]).toEqual(bare[1]);
    expect(new Set(bare[0]).size).toBe(2);
  });

  it("refuses a file result without a filePath", async () => {
    await expect(parseText(eslintParser, JSON.stringify([{ messages: [] }]))).rejects.toThrow("filePath");
  });
});
