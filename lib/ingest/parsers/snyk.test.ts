import { describe, expect, it } from "vitest";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { snykParser } from "@/lib/ingest/parsers/snyk";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanFinding } from "@/lib/ingest/scan-types";

async function findingsOf(report: unknown): Promise<ScanFinding[]> {
  const out: ScanFinding[] = [];
  for await (const r of snykParser.parse(scanSourceFromBytes("s.json", JSON.stringify(report)))) if (r.type === "finding") out.push(r.finding);
  return out;
}

const vulnerability = (from: string[], extra: object = {}) => ({
  id: "SNYK-JS-LODASH-567746",
  title: "Prototype Pollution",
  severity: "high",
  cvssScore: 7.3,
  packageName: "lodash",
  version: "4.17.15",
  identifiers: { CVE: ["CVE-2020-8203"], CWE: ["CWE-400"], GHSA: ["GHSA-p6mc-m468-83gw"] },
  fixedIn: ["4.17.16"],
  from,
  ...extra,
});

const project = (name: string, vulnerabilities: unknown[]) => ({ vulnerabilities, ok: false, dependencyCount: 10, packageManager: "npm", projectName: name, displayTargetFile: `${name}/package-lock.json` });

describe("snyk", () => {
  it.each([
    ["snyk/single_project_no_vulns.json", 0],
    ["snyk/single_project_one_vuln.json", 1],
    ["snyk/single_project_many_vulns.json", 41],
    ["snyk/single_project_one_vuln_with_ampersands.json", 1],
    ["snyk/single_project_None_cvss.json", 1],
  ])("%s has DefectDojo's %i findings", async (file, expected) => {
    const { detected, findings, tools } = await parseFixture(snykParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["snyk"]);
    expect(findings).toHaveLength(expected);
  });

  it("maps severity, package and advisories (single_project_many_vulns.json)", async () => {
    const { findings } = await parseFixture(snykParser, "snyk/single_project_many_vulns.json");
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    expect({ high: count("high"), medium: count("medium") }).toEqual({ high: 12, medium: 29 });
    expect(findings[1]).toMatchObject({
      ruleId: "SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302",
      cve: "CVE-2020-25649",
      aliases: ["CVE-2020-25649", "SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302"],
      packageName: "com.fasterxml.jackson.core:jackson-databind",
      installedVersion: "2.10.5",
      // fixedIn ["2.6.7.4", "2.9.10.7", "2.10.5.1"]: the fix on the installed line.
      fixedVersion: "2.10.5.1",
      cwe: "CWE-611",
      locations: [{ file: "pom.xml", line: null }],
    });
  });

  it("keeps Snyk's own rating when the CVSS score is missing (single_project_None_cvss.json)", async () => {
    const { findings } = await parseFixture(snykParser, "snyk/single_project_None_cvss.json");
    expect(findings.map((f) => f.severity)).toEqual(["low"]);
  });

  it("makes one finding of a vulnerability Snyk repeats per dependency path, in each project", async () => {
    const findings = await findingsOf([
      project("web", [vulnerability(["web@1.0.0", "a@1.0.0", "lodash@4.17.15"]), vulnerability(["web@1.0.0", "b@2.0.0", "lodash@4.17.15"])]),
      project("api", [vulnerability(["api@1.0.0", "lodash@4.17.15"])]),
    ]);
    expect(findings.map((f) => [f.cve, f.locations[0]?.file])).toEqual([
      ["CVE-2020-8203", "web/package-lock.json"],
      ["CVE-2020-8203", "api/package-lock.json"],
    ]);
    expect(findings[0]!.description).toContain("- web@1.0.0 > a@1.0.0 > lodash@4.17.15\n- web@1.0.0 > b@2.0.0 > lodash@4.17.15");
    expect(findings[0]!.fingerprint).not.toBe(findings[1]!.fingerprint);
  });

  it("keeps the fingerprint when the dependency paths change", async () => {
    const [before] = await findingsOf(project("web", [vulnerability(["web@1.0.0", "a@1.0.0", "lodash@4.17.15"])]));
    const [after] = await findingsOf(project("web", [vulnerability(["web@1.0.0", "c@3.0.0", "lodash@4.17.15"])]));
    expect(after!.fingerprint).toBe(before!.fingerprint);
  });

  it("files license issues as compliance", async () => {
    const [license] = await findingsOf(project("web", [{ id: "snyk:lic:npm:foo:GPL-3.0", type: "license", license: "GPL-3.0", severity: "medium", packageName: "foo", version: "1.0.0", from: [] }]));
    expect(license).toMatchObject({ kind: "quality", category: "compliance", cve: null, title: "GPL-3.0 license in foo 1.0.0" });
  });
});
