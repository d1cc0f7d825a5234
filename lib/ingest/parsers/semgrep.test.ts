import { describe, expect, it } from "vitest";
import { groupScanFindings, newScanSeen } from "@/lib/ingest/group-scan-findings";
import { fingerprintsAcrossShift, parseText, severityCounts } from "@/lib/ingest/parsers/code-scan-testing";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { semgrepParser } from "@/lib/ingest/parsers/semgrep";

const result = (line: number, extra: Record<string, unknown> = {}) => ({
  check_id: "python.lang.security.audit.eval-detected.eval-detected",
  path: "app/views.py",
  start: { line, col: 5, offset: 400 + line * 10 },
  end: { line, col: 20, offset: 415 + line * 10 },
  extra: { message: "Detected the use of eval().", severity: "WARNING", metadata: { cwe: ["CWE-95: Eval Injection"], category: "security" }, lines: "    eval(user_input)", fingerprint: "requires login", ...extra },
});

describe("semgrep", () => {
  it.each([
    ["semgrep/empty.json", 0],
    ["semgrep/many_findings.json", 3],
    ["semgrep/many_vulns.json", 48],
    ["semgrep/multiple_cwes_fabricated.json", 1],
    ["semgrep/high-medium-low-severities.json", 3],
    ["semgrep/fingerprint_test.json", 2],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(semgrepParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["semgrep"]);
    expect(findings).toHaveLength(count);
  });

  it("maps ERROR, WARNING and INFO to high, medium and low as DefectDojo asserts", async () => {
    const many = await parseFixture(semgrepParser, "semgrep/many_findings.json");
    expect(many.findings.map((f) => f.severity)).toEqual(["medium", "medium", "low"]);
    const vulns = await parseFixture(semgrepParser, "semgrep/many_vulns.json");
    expect(vulns.findings.slice(0, 4).map((f) => f.severity)).toEqual(["high", "high", "medium", "medium"]);
    expect(severityCounts(vulns.findings)).toEqual({ high: 13, medium: 35 });
    const newScale = await parseFixture(semgrepParser, "semgrep/high-medium-low-severities.json");
    expect(newScale.findings.map((f) => f.severity)).toEqual(["low", "low", "low"]);
  });

  it("tells security rules from correctness and style rules", async () => {
    const { findings } = await parseFixture(semgrepParser, "semgrep/many_vulns.json");
    const md5 = findings.find((f) => f.ruleId?.endsWith("insecure-hash-algorithm-md5"))!;
    expect(md5).toMatchObject({ kind: "vulnerability", category: "security", cwe: "CWE-327" });
    const eqeq = findings.find((f) => f.ruleId?.endsWith("useless-eqeq"))!;
    expect(eqeq).toMatchObject({ kind: "quality", category: "implementation" });
  });

  it("reads the version, CWE, references and location", async () => {
    const { findings, tools } = await parseFixture(semgrepParser, "semgrep/fingerprint_test.json");
    expect(tools).toEqual(["semgrep"]);
    const { records } = await parseText(semgrepParser, JSON.stringify({ version: "1.100.0", results: [] }));
    expect(records[0]).toEqual({ type: "tool", name: "semgrep", version: "1.100.0" });
    expect(findings[0]).toMatchObject({
      tool: "semgrep",
      cwe: "CWE-78",
      title: "dangerous-subprocess-use-tainted-env-args: Detected subprocess function 'run' with user controlled data.",
      locations: [{ file: "sample/brute.py", line: 31 }],
    });
    expect(findings[0]!.references).toContain("https://docs.python.org/3/library/subprocess.html");
    const fabricated = await parseFixture(semgrepParser, "semgrep/multiple_cwes_fabricated.json");
    expect(fabricated.findings[0]!.cwe).toBe("CWE-327");
  });

  it("uses semgrep's own fingerprint, and \"requires login\" is not one", async () => {
    const own = await parseFixture(semgrepParser, "semgrep/high-medium-low-severities.json");
    expect(new Set(own.findings.map((f) => f.fingerprint)).size).toBe(3);
    const gated = await parseFixture(semgrepParser, "semgrep/fingerprint_test.json");
    expect(gated.findings[0]!.description).not.toContain("requires login");
    // Two identical matches in one file without semgrep's id share one; the import numbers them.
    const twice = await parseText(semgrepParser, JSON.stringify({ results: [result(10), result(30)] }));
    expect(groupScanFindings(twice.findings, newScanSeen())).toHaveLength(2);
  });

  it("keeps a finding's fingerprint when the code above it moves", async () => {
    const withId = await fingerprintsAcrossShift(semgrepParser, (shift) => JSON.stringify({ results: [result(10 + shift, { fingerprint: "abc123def456_0" })] }));
    expect(withId[0]).toEqual(withId[1]);
    const withoutId = await fingerprintsAcrossShift(semgrepParser, (shift) => JSON.stringify({ results: [result(10 + shift, { lines: "requires login" })] }));
    expect(withoutId[0]).toEqual(withoutId[1]);
  });

  it("leaves out results a nosemgrep comment ignores", async () => {
    const { findings } = await parseText(semgrepParser, JSON.stringify({ results: [result(3, { is_ignored: true }), result(9)], errors: [] }));
    expect(findings.map((f) => f.locations[0]!.line)).toEqual([9]);
  });

  it("refuses results that are not a list, or a result without a check_id", async () => {
    await expect(parseText(semgrepParser, JSON.stringify({ results: { a: result(1) } }))).rejects.toThrow("expected a list");
    await expect(parseText(semgrepParser, JSON.stringify({ results: [{ path: "x" }] }))).rejects.toThrow("check_id");
  });
});
