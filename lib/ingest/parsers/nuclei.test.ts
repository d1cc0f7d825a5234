import { describe, expect, it } from "vitest";
import { parseText, severityCounts } from "@/lib/ingest/parsers/code-scan-testing";
import { nucleiParser } from "@/lib/ingest/parsers/nuclei";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";

const result = (matchedAt: string, more: Record<string, unknown> = {}) => ({
  "template-id": "CVE-2021-41773",
  info: { name: "Apache 2.4.49 - Path Traversal", severity: "high", classification: { "cve-id": ["cve-2021-41773"], "cwe-id": ["cwe-22"], "cvss-score": 7.5 }, reference: ["https://nvd.nist.gov/vuln/detail/CVE-2021-41773"], remediation: "Upgrade to 2.4.51." },
  type: "http",
  host: "https://a.example",
  "matched-at": matchedAt,
  timestamp: new Date().toISOString(),
  "curl-command": "curl -H 'Cookie: session=s3cr3t' https://a.example",
  ...more,
});

describe("nuclei", () => {
  it.each([
    ["nuclei/issue_9201.json", 1],
    // 18 lines: tech-detect's bootstrap and font-awesome matched on two ports of 127.0.0.1, one finding each.
    ["nuclei/many_findings.json", 16],
    ["nuclei/many_findings_third.json", 2],
    ["nuclei/invalid_cwe.json", 1],
    ["nuclei/issue_14071.json", 27],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(nucleiParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["nuclei"]);
    expect(findings).toHaveLength(count);
  });

  it("maps severities as DefectDojo asserts", async () => {
    const many = await parseFixture(nucleiParser, "nuclei/many_findings.json");
    expect(many.findings.slice(0, 5).map((f) => f.severity)).toEqual(["low", "info", "medium", "info", "info"]);
    const third = await parseFixture(nucleiParser, "nuclei/many_findings_third.json");
    expect(third.findings.map((f) => f.severity)).toEqual(["info", "info"]);
    const latest = await parseFixture(nucleiParser, "nuclei/issue_14071.json");
    expect(severityCounts(latest.findings)).toEqual({ critical: 1, medium: 2, low: 1, info: 23 });
  });

  it("merges one template's matches on a host into one finding with every URL", async () => {
    const { findings } = await parseFixture(nucleiParser, "nuclei/many_findings.json");
    const bootstrap = findings.find((f) => f.title === "Wappalyzer Technology Detection (bootstrap)" && f.locations[0]!.file.startsWith("http://127.0.0.1"))!;
    expect(bootstrap.locations).toEqual([
      { file: "http://127.0.0.1:8080/WebGoat", line: null },
      { file: "http://127.0.0.1:9090/WebWolf", line: null },
    ]);
  });

  it("reads CWE, CVE, references and remediation, and leaves out requests and cookies", async () => {
    const latest = await parseFixture(nucleiParser, "nuclei/issue_14071.json");
    expect(latest.findings[0]).toMatchObject({ ruleId: "dvwa-default-login", severity: "critical", cwe: "CWE-798", kind: "vulnerability", category: "security", locations: [{ file: "http://dvwa_dvwa_1/index.php", line: null }] });
    const invalid = await parseFixture(nucleiParser, "nuclei/invalid_cwe.json");
    expect(invalid.findings[0]!.cwe).toBeNull();
    const old = await parseFixture(nucleiParser, "nuclei/many_findings.json");
    expect(old.findings[0]!.references).toContain("https://security-tracker.debian.org/tracker/CVE-2016-6210");
    const { findings } = await parseText(nucleiParser, JSON.stringify(result("https://a.example/cgi-bin/.%2e/etc/passwd")));
    expect(findings[0]).toMatchObject({ cve: "CVE-2021-41773", aliases: ["CVE-2021-41773"], cwe: "CWE-22", recommendation: "Upgrade to 2.4.51." });
    expect(JSON.stringify(findings)).not.toContain("s3cr3t");
  });

  it("reads the JSON export (a list) like JSON lines", async () => {
    const lines = [result("https://a.example/x"), result("https://a.example/y", { "template-id": "other", info: { name: "Other", severity: "low" } })];
    const exported = await parseText(nucleiParser, JSON.stringify(lines));
    const jsonl = await parseText(nucleiParser, lines.map((l) => JSON.stringify(l)).join("\n"));
    expect(exported.detected && jsonl.detected).toBe(true);
    expect(exported.findings).toEqual(jsonl.findings);
  });

  it("keeps a finding's fingerprint across runs: no timestamps, and the URL it hit first does not matter", async () => {
    const first = await parseText(nucleiParser, JSON.stringify(result("https://a.example/cgi-bin/a", { timestamp: "2024-01-01T00:00:00Z" })));
    const second = await parseText(nucleiParser, JSON.stringify(result("https://a.example:8443/cgi-bin/b", { timestamp: "2024-02-01T00:00:00Z" })));
    expect(first.findings[0]!.fingerprint).toBe(second.findings[0]!.fingerprint);
    const elsewhere = await parseText(nucleiParser, JSON.stringify(result("https://b.example/cgi-bin/a")));
    expect(elsewhere.findings[0]!.fingerprint).not.toBe(first.findings[0]!.fingerprint);
  });

  it("refuses a line that is not a result", async () => {
    await expect(parseText(nucleiParser, '{"template-id":"a","info":{}}\n[1]\n')).rejects.toThrow("line 2");
    await expect(parseText(nucleiParser, '{"info":{}}\n')).rejects.toThrow("template-id");
  });
});
