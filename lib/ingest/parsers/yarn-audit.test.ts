import { describe, expect, it } from "vitest";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { yarnAuditParser } from "@/lib/ingest/parsers/yarn-audit";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanFinding } from "@/lib/ingest/scan-types";

describe("yarn audit", () => {
  it.each([
    ["yarn_audit/yarn_audit_zero_vul.json", 0],
    ["yarn_audit/yarn_audit_many_vul.json", 3],
    ["yarn_audit/yarn_audit_multiple_cwes2.json", 2],
    ["yarn_audit/yarn2_audit_issue9911.json", 4],
  ])("%s has DefectDojo's %i findings", async (file, expected) => {
    const { detected, findings, tools } = await parseFixture(yarnAuditParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["yarn-audit"]);
    expect(findings).toHaveLength(expected);
  });

  it("maps yarn v1 advisories (yarn_audit_many_vul.json)", async () => {
    const { findings } = await parseFixture(yarnAuditParser, "yarn_audit/yarn_audit_many_vul.json");
    expect(findings.map((f) => [f.ruleId, f.packageName, f.installedVersion, f.fixedVersion, f.severity, f.cwe])).toEqual([
      ["npm:1179", "minimist", "0.0.10", "0.2.1", "low", "CWE-471"],
      ["npm:1324", "handlebars", "4.5.2", "4.5.3", "high", "CWE-79"],
      ["npm:1325", "handlebars", "4.5.2", "4.5.3", "high", "CWE-471"],
    ]);
    expect(findings[0]!.description).toContain("- handlebars>optimist>minimist");
  });

  it("makes one finding per CVE and installed version, whichever advisory repeats it (yarn_audit_multiple_cwes2.json)", async () => {
    // Advisories 1064843 and 1028226 are both CVE-2021-3807 in ansi-regex, installed as 3.0.0 and 4.1.0.
    const { findings } = await parseFixture(yarnAuditParser, "yarn_audit/yarn_audit_multiple_cwes2.json");
    expect(findings.map((f) => [f.cve, f.aliases, f.packageName, f.installedVersion, f.fixedVersion, f.severity])).toEqual([
      ["CVE-2021-3807", ["CVE-2021-3807", "GHSA-93q8-gq69-wqmw"], "ansi-regex", "3.0.0", "5.0.1", "medium"],
      ["CVE-2021-3807", ["CVE-2021-3807", "GHSA-93q8-gq69-wqmw"], "ansi-regex", "4.1.0", "5.0.1", "medium"],
    ]);
    expect(findings[0]!.cwe).toBe("CWE-918");
  });

  it("reads yarn berry, filing deprecations as quality (yarn2_audit_issue9911.json)", async () => {
    const { findings } = await parseFixture(yarnAuditParser, "yarn_audit/yarn2_audit_issue9911.json");
    expect(findings.map((f) => [f.kind, f.severity, f.packageName])).toEqual([
      ["quality", "medium", "@babel/plugin-proposal-class-properties"],
      ["quality", "medium", "@babel/plugin-proposal-nullish-coalescing-operator"],
      ["quality", "medium", "@babel/plugin-proposal-optional-chaining"],
      ["vulnerability", "low", "transformers"],
    ]);
    expect(findings[0]).toMatchObject({ ruleId: "deprecation", cve: null, category: "implementation", title: expect.stringMatching(/^@babel\/plugin-proposal-class-properties 7\.18\.6 is deprecated: /) });
    expect(findings[3]).toMatchObject({ cve: "GHSA-37q5-v5qm-c9v8", installedVersion: "4.38", fixedVersion: "4.38.0" });
  });

  it("keeps the fingerprint of an advisory across runs whatever the paths", async () => {
    const line = (paths: string[]) =>
      JSON.stringify({ type: "auditAdvisory", data: { resolution: { id: 1, path: paths[0] }, advisory: { id: 1, module_name: "lodash", severity: "high", cves: ["CVE-2020-8203"], patched_versions: ">=4.17.19", findings: [{ version: "4.17.15", paths }] } } });
    const prints: ScanFinding[] = [];
    for (const paths of [["a>lodash"], ["b>c>lodash", "a>lodash"]]) {
      for await (const r of yarnAuditParser.parse(scanSourceFromBytes("y.json", `${line(paths)}\n{"type":"auditSummary","data":{}}\n`))) if (r.type === "finding") prints.push(r.finding);
    }
    expect(prints[1]!.fingerprint).toBe(prints[0]!.fingerprint);
  });
});
