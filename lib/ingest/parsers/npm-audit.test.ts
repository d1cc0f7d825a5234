import { describe, expect, it } from "vitest";
import { npmAuditParser } from "@/lib/ingest/parsers/npm-audit";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";

describe("npm audit", () => {
  it.each([
    ["npm_audit_7_plus/no_vuln.json", 0],
    ["npm_audit_7_plus/issue_10801.json", 1],
  ])("%s has DefectDojo's %i findings", async (file, expected) => {
    const { detected, findings, tools } = await parseFixture(npmAuditParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["npm-audit"]);
    expect(findings).toHaveLength(expected);
  });

  it("reports the 3 advisories of many_vulns.json, not DefectDojo's 6 package entries", async () => {
    // vercel, @vercel/fun and @vercel/node are listed only because they depend on debug, semver
    // and undici: the same three problems again, under names no other tool would report.
    const { findings } = await parseFixture(npmAuditParser, "npm_audit_7_plus/many_vulns.json");
    expect(findings.map((f) => [f.packageName, f.cve, f.severity, f.fixedVersion])).toEqual([
      ["debug", "GHSA-gxpj-cx7g-858c", "medium", "4.3.1"],
      ["semver", "GHSA-c2qf-rxjj-qqgw", "medium", "7.5.2"],
      ["undici", "GHSA-3787-6prv-h9w3", "low", null],
    ]);
    expect(findings[0]).toMatchObject({
      ruleId: "GHSA-gxpj-cx7g-858c",
      aliases: ["GHSA-gxpj-cx7g-858c"],
      cwe: "CWE-400",
      installedVersion: null,
      locations: [{ file: "node_modules/@vercel/fun/node_modules/debug", line: null }],
      recommendation: "Upgrade vercel to 32.3.0 (a major version change), which no longer pulls in the vulnerable debug.",
      title: "GHSA-gxpj-cx7g-858c in debug: Regular Expression Denial of Service in debug",
    });
    expect(findings[0]!.description).toContain("Depended on by: @vercel/fun.");
  });

  it("asserts DefectDojo's severity for issue_10801.json", async () => {
    const { findings } = await parseFixture(npmAuditParser, "npm_audit_7_plus/issue_10801.json");
    expect(findings.map((f) => f.severity)).toEqual(["medium"]);
    expect(findings[0]).toMatchObject({ packageName: "got", fixedVersion: "11.8.5" });
  });

  it("refuses JSON that is not an npm audit report", async () => {
    const parse = async () => {
      for await (const r of npmAuditParser.parse(scanSourceFromBytes("x.json", "[1, 2]"))) void r;
    };
    await expect(parse()).rejects.toBeInstanceOf(ScanShapeError);
  });
});
