import { describe, expect, it } from "vitest";
import { fixturePath, parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { trivyParser } from "@/lib/ingest/parsers/trivy";
import { scanSourceFromBytes, scanSourceFromPath } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanRecord, ScanSource } from "@/lib/ingest/scan-types";
import { sniffScan } from "@/lib/ingest/sniff";

async function records(source: ScanSource): Promise<ScanRecord[]> {
  const out: ScanRecord[] = [];
  for await (const record of trivyParser.parse(source)) out.push(record);
  return out;
}

const findingsOf = async (report: unknown) =>
  (await records(scanSourceFromBytes("trivy.json", JSON.stringify(report)))).flatMap((r): ScanFinding[] => (r.type === "finding" ? [r.finding] : []));

const count = (findings: ScanFinding[], severity: string) => findings.filter((f) => f.severity === severity).length;

const report = (results: unknown[]) => ({ SchemaVersion: 2, ArtifactName: "app:main-159", ArtifactType: "container_image", Results: results });

describe("trivy", () => {
  it.each([
    ["trivy/scheme_2_no_vuln.json", 0],
    ["trivy/misconfigurations_and_secrets.json", 5],
    ["trivy/license_scheme.json", 19],
    ["trivy/issue_9170.json", 37],
    ["trivy/issue_9333.json", 13],
    ["trivy/severity_prio.json", 2],
    ["trivy/cvssv4_severity_source.json", 3],
  ])("%s has DefectDojo's %i findings", async (file, expected) => {
    const { detected, findings, tools } = await parseFixture(trivyParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["trivy"]);
    expect(findings).toHaveLength(expected);
  });

  it("drops the one not_affected vulnerability of all_statuses.json: 7 findings where DefectDojo counts 8", async () => {
    // DefectDojo keeps all 8. not_affected is the vendor saying the package is not vulnerable;
    // every other status (fixed: a fix exists; will_not_fix, fix_deferred, end_of_life: none
    // will come; affected, under_investigation, unknown: none yet) leaves it vulnerable.
    const { findings } = await parseFixture(trivyParser, "trivy/all_statuses.json");
    expect(findings).toHaveLength(7);
    const statuses = findings.map((f) => /Status: ([a-z ]+)\./.exec(f.description)?.[1]);
    expect(statuses).toEqual(["unknown", "affected", "fixed", "under investigation", "will not fix", "fix deferred", "end of life"]);
    expect(findings.find((f) => f.description.includes("will not fix"))?.recommendation).toMatch(/will not fix/);
  });

  it("reads the bare null that legacy Trivy writes for an empty scan", async () => {
    const result = await records(await scanSourceFromPath(fixturePath("trivy/legacy_no_vuln.json")));
    expect(result).toEqual([{ type: "tool", name: "trivy", version: null }]);
  });

  it("reads the legacy top-level array of results", async () => {
    const legacy = [{ Target: "alpine:3.10 (alpine 3.10.2)", Type: "alpine", Vulnerabilities: [{ VulnerabilityID: "CVE-2019-1549", PkgName: "openssl", InstalledVersion: "1.1.1c-r0", FixedVersion: "1.1.1d-r0", Severity: "MEDIUM" }] }];
    const findings = await findingsOf(legacy);
    expect(trivyParser.detect(await sniffScan(scanSourceFromBytes("trivy.json", JSON.stringify(legacy))))).toBe(true);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cve: "CVE-2019-1549", packageName: "openssl", installedVersion: "1.1.1c-r0", fixedVersion: "1.1.1d-r0", severity: "medium" });
  });

  it("takes Trivy's severity, which already follows its SeveritySource (severity_prio.json, cvssv4_severity_source.json)", async () => {
    const prio = await parseFixture(trivyParser, "trivy/severity_prio.json");
    // curl is LOW from Ubuntu although every vendor says 2 (medium) and NVD scores 6.5.
    expect(prio.findings.map((f) => f.severity)).toEqual(["low", "critical"]);
    const v4 = await parseFixture(trivyParser, "trivy/cvssv4_severity_source.json");
    expect(v4.findings.map((f) => f.severity)).toEqual(["medium", "low", "low"]);
  });

  it("falls back to the severity source's vendor rating, then its CVSS, then medium", async () => {
    const vuln = (extra: object) => ({ VulnerabilityID: "CVE-2024-0001", PkgName: "lib", InstalledVersion: "1.0", Severity: "UNKNOWN", ...extra });
    const findings = await findingsOf(
      report([
        {
          Target: "package-lock.json",
          Class: "lang-pkgs",
          Type: "npm",
          Vulnerabilities: [
            vuln({ PkgName: "a", SeveritySource: "nvd", VendorSeverity: { nvd: 3 } }),
            vuln({ PkgName: "b", SeveritySource: "ghsa", CVSS: { ghsa: { V40Vector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", V40Score: 9.3 } } }),
            vuln({ PkgName: "c", CVSS: { nvd: { V3Vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N" } } }),
            vuln({ PkgName: "d" }),
          ],
        },
      ]),
    );
    expect(findings.map((f) => [f.packageName, f.severity])).toEqual([
      ["a", "high"],
      ["b", "critical"],
      ["c", "medium"],
      ["d", "medium"],
    ]);
  });

  it("maps a vulnerability's package, versions and advisories for merging with other tools", async () => {
    const { findings } = await parseFixture(trivyParser, "trivy/cvssv4_severity_source.json");
    expect(findings[0]).toMatchObject({
      tool: "trivy",
      ruleId: "CVE-2025-66614",
      cve: "CVE-2025-66614",
      aliases: ["CVE-2025-66614", "GHSA-fpj8-gq4v-p354"],
      packageName: "org.apache.tomcat:tomcat-catalina",
      installedVersion: "9.0.109",
      // Trivy lists "11.0.14, 10.1.49, 9.0.112": the fix on the installed 9.0 line.
      fixedVersion: "9.0.112",
      kind: "vulnerability",
      category: "security",
      cwe: "CWE-20",
      locations: [{ file: "catalina.jar", line: null }],
    });
    expect(findings[0]!.title).toBe("CVE-2025-66614 in org.apache.tomcat:tomcat-catalina 9.0.109: tomcat: Client certificate verification bypass due to virtual host mapping");
  });

  it("files misconfigurations under deployment or configuration and secrets under security", async () => {
    const { findings } = await parseFixture(trivyParser, "trivy/misconfigurations_and_secrets.json");
    expect(findings.map((f) => [f.kind, f.category, f.severity])).toEqual([
      ["vulnerability", "security", "high"],
      ["vulnerability", "security", "medium"],
      ["misconfiguration", "deployment", "high"],
      ["secret", "security", "critical"],
      ["secret", "security", "critical"],
    ]);
    expect(findings[3]).toMatchObject({ ruleId: "github-pat", locations: [{ file: "Dockerfile", line: 24 }] });
    const terraform = await findingsOf(report([{ Target: "main.tf", Class: "config", Type: "terraform", Misconfigurations: [{ ID: "AVD-AWS-0086", Title: "S3 public access", Message: "No public access block", Severity: "HIGH", Status: "FAIL" }, { ID: "AVD-AWS-0087", Status: "PASS" }] }]));
    expect(terraform.map((f) => [f.ruleId, f.category])).toEqual([["AVD-AWS-0086", "configuration"]]);
  });

  it("reads trivy k8s resources, keyed by namespace and resource (issue_9170.json)", async () => {
    const { findings } = await parseFixture(trivyParser, "trivy/issue_9170.json");
    expect({ low: count(findings, "low"), medium: count(findings, "medium"), high: count(findings, "high") }).toEqual({ low: 31, medium: 5, high: 1 });
    expect(findings[0]).toMatchObject({ ruleId: "KSV116", kind: "misconfiguration", category: "deployment", locations: [{ file: "default/Service/kubernetes", line: null }] });
    expect(findings.every((f) => f.kind === "misconfiguration")).toBe(true);
  });

  it("files flagged licenses as compliance (license_scheme.json)", async () => {
    const { findings } = await parseFixture(trivyParser, "trivy/license_scheme.json");
    expect(findings[0]).toMatchObject({ ruleId: "license:GPL-2.0", packageName: "alpine-baselayout", severity: "high", kind: "quality", category: "compliance" });
    expect({ high: count(findings, "high"), medium: count(findings, "medium"), low: count(findings, "low") }).toEqual({ high: 7, medium: 1, low: 11 });
  });

  it("makes one finding of one package found at two paths", async () => {
    const jar = (path: string) => ({ VulnerabilityID: "CVE-2021-44228", PkgName: "org.apache.logging.log4j:log4j-core", PkgPath: path, InstalledVersion: "2.14.1", FixedVersion: "2.15.0", Severity: "CRITICAL" });
    const findings = await findingsOf(report([{ Target: "Java", Class: "lang-pkgs", Type: "jar", Vulnerabilities: [jar("app/lib/log4j-core.jar"), jar("opt/tool/log4j-core.jar")] }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.locations).toEqual([
      { file: "app/lib/log4j-core.jar", line: null },
      { file: "opt/tool/log4j-core.jar", line: null },
    ]);
  });

  it("keeps fingerprints when code moves and when the image tag changes", async () => {
    const scan = (line: number, tag: string) =>
      findingsOf({
        SchemaVersion: 2,
        Results: [
          { Target: `app:${tag} (debian 12.1)`, Class: "os-pkgs", Type: "debian", Vulnerabilities: [{ VulnerabilityID: "CVE-2023-1", PkgName: "libc6", InstalledVersion: "2.36-9", Severity: "LOW" }] },
          { Target: "Dockerfile", Class: "config", Type: "dockerfile", Misconfigurations: [{ ID: "DS002", Title: "Root user", Message: "Specify a USER", Severity: "HIGH", Status: "FAIL", CauseMetadata: { StartLine: line, EndLine: line } }] },
          { Target: "config/.env", Class: "secret", Secrets: [{ RuleID: "aws-access-key-id", Title: "AWS Access Key", Severity: "CRITICAL", StartLine: line, Match: "AWS_KEY=****" }] },
        ],
      });
    const before = await scan(10, "main-159");
    const after = await scan(42, "main-160");
    expect(before.map((f) => f.locations[0]?.line)).toEqual([null, 10, 10]);
    expect(after.map((f) => f.fingerprint)).toEqual(before.map((f) => f.fingerprint));
  });
});
