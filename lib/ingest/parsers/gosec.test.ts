import { describe, expect, it } from "vitest";
import { groupScanFindings, newScanSeen } from "@/lib/ingest/group-scan-findings";
import { fingerprintsAcrossShift, parseText, severityCounts } from "@/lib/ingest/parsers/code-scan-testing";
import { gosecParser } from "@/lib/ingest/parsers/gosec";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";

const issue = (line: string, more: Record<string, unknown> = {}) => ({
  severity: "HIGH",
  confidence: "MEDIUM",
  cwe: { id: "89", url: "https://cwe.mitre.org/data/definitions/89.html" },
  rule_id: "G201",
  details: "SQL string formatting",
  file: "/src/app/db.go",
  code: `${line}: q := fmt.Sprintf("SELECT * FROM users WHERE id = %s", id)\n`,
  line,
  column: "7",
  ...more,
});
const report = (issues: unknown[]) => JSON.stringify({ "Golang errors": {}, Issues: issues, Stats: { files: 1, lines: 10, nosec: 0, found: issues.length }, GosecVersion: "2.18.2" });

describe("gosec", () => {
  it("many_vulns.json has DefectDojo's 28 findings", async () => {
    const { detected, findings, tools } = await parseFixture(gosecParser, "gosec/many_vulns.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["gosec"]);
    expect(findings).toHaveLength(28);
    expect(findings[0]!.severity).toBe("low");
    expect(severityCounts(findings)).toEqual({ medium: 13, low: 15 });
  });

  it("maps rule, CWE, location and a line range's first line", async () => {
    const { findings } = await parseFixture(gosecParser, "gosec/many_vulns.json");
    expect(findings[0]).toMatchObject({
      tool: "gosec",
      ruleId: "G104",
      title: "G104: Errors unhandled.",
      kind: "vulnerability",
      category: "security",
      cwe: "CWE-252",
      locations: [{ file: "/vagrant/go/src/govwa/app.go", line: 79 }],
      references: ["https://cwe.mitre.org/data/definitions/252.html"],
    });
    // The fixture's "36-39".
    expect(findings.filter((f) => f.locations[0]?.line === 36)).toHaveLength(1);
    const ranged = await parseText(gosecParser, report([issue("36-39")]));
    expect(ranged.findings[0]!.locations).toEqual([{ file: "/src/app/db.go", line: 36 }]);
    expect(ranged.records[0]).toEqual({ type: "tool", name: "gosec", version: "2.18.2" });
  });

  it("keeps a finding's fingerprint when the code above it moves (gosec's line prefixes dropped)", async () => {
    const [before, after] = await fingerprintsAcrossShift(gosecParser, (shift) => report([issue(String(20 + shift))]));
    expect(before).toEqual(after);
  });

  it("gives the same code twice in a file one fingerprint, which the import numbers into two findings", async () => {
    const { findings } = await parseFixture(gosecParser, "gosec/many_vulns.json");
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(24);
    expect(groupScanFindings(findings, newScanSeen())).toHaveLength(28);
  });

  it("leaves out issues suppressed with #nosec", async () => {
    const { findings } = await parseText(gosecParser, report([issue("3", { nosec: true }), issue("9", { suppressions: [{ kind: "inSource", justification: "" }] }), issue("12")]));
    expect(findings.map((f) => f.locations[0]!.line)).toEqual([12]);
  });

  it("refuses an issue without a rule_id", async () => {
    await expect(parseText(gosecParser, report([{ file: "a.go" }]))).rejects.toThrow("rule_id");
  });
});
