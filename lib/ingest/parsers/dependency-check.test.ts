import { describe, expect, it } from "vitest";
import { dependencyCheckParser } from "@/lib/ingest/parsers/dependency-check";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanRecord } from "@/lib/ingest/scan-types";
import { sniffScan } from "@/lib/ingest/sniff";

const count = (findings: { severity: string }[], severity: string) => findings.filter((f) => f.severity === severity).length;

describe("dependency-check", () => {
  it("has DefectDojo's 0 findings in single_dependency_with_related_no_vulnerability.xml", async () => {
    const { detected, findings, tools } = await parseFixture(dependencyCheckParser, "dependency_check/single_dependency_with_related_no_vulnerability.xml");
    expect(detected).toBe(true);
    expect(tools).toEqual(["dependency-check"]);
    expect(findings).toHaveLength(0);
  });

  it("has 26 findings in PR6439.xml where DefectDojo counts 34: the 8 suppressed ones are left out", async () => {
    // Suppressed vulnerabilities are the user's own decision in a suppression file (log4j-core's
    // CVEs in pax-logging, activemq's, cxf's), so reporting them would undo it.
    const { findings } = await parseFixture(dependencyCheckParser, "dependency_check/PR6439.xml");
    expect(findings).toHaveLength(26);
    expect(findings.map((f) => f.cve)).not.toContain("CVE-2021-44228");
    expect({ critical: count(findings, "critical"), high: count(findings, "high"), medium: count(findings, "medium") }).toEqual({ critical: 2, high: 8, medium: 16 });
    expect(findings.find((f) => f.cve === "CVE-2022-42003")).toMatchObject({
      packageName: "com.fasterxml.jackson.core:jackson-databind",
      installedVersion: "2.13.3",
      fixedVersion: "2.13.4.1",
      cwe: "CWE-502",
      severity: "high",
      locations: [{ file: "/var/lib/jenkins/.m2/repository/com/fasterxml/jackson/core/jackson-databind/2.13.3/jackson-databind-2.13.3.jar", line: null }],
    });
  });

  it("gives no fixed version from another product's CPE range", async () => {
    // CVE-2021-37533 is Apache Commons Net's; Dependency-Check matched it to commons-codec by
    // vendor, and "< 3.9.0" is Commons Net's version line, not codec's.
    const { findings } = await parseFixture(dependencyCheckParser, "dependency_check/PR6439.xml");
    expect(findings.find((f) => f.cve === "CVE-2021-37533" && f.packageName === "commons-codec:commons-codec")?.fixedVersion).toBeNull();
  });

  it("has 6 findings in multiple_vulnerabilities_has_multiple_findings.xml where DefectDojo counts 9", async () => {
    // 2 of DefectDojo's 9 are suppressed; and dom4j 2.1.1.redhat-00001 is listed twice, in two
    // archives, with the same CVE: one package to fix, so one finding with all its paths.
    const { findings } = await parseFixture(dependencyCheckParser, "dependency_check/multiple_vulnerabilities_has_multiple_findings.xml");
    expect(findings.map((f) => [f.ruleId, f.packageName, f.installedVersion, f.severity])).toEqual([
      ["CVE-0000-0001", "org.dom4j:dom4j", "2.1.1.redhat-00001", "high"],
      ["npm:1500", "yargs-parser", "5.0.0", "low"],
      ["CVE-2020-7608", "yargs-parser", "5.0.0", "high"],
      ["CWE-400", "yargs-parser", "5.0.0", "high"],
      ["CVE-0000-0001", "adapter-ear3.ear: dom4j-2.1.1.jar", null, "high"],
      ["CVE-0000-0001", "adapter-ear4.ear: liquibase-core-3.5.3.jar: jquery.js", null, "high"],
    ]);
    expect(findings[0]!.locations.map((l) => l.file)).toEqual([
      "/var/lib/adapter-ear1.ear/dom4j-2.1.1.jar",
      "/var/lib/adapter-ear8.ear/dom4j-2.1.1.jar",
      "/var/lib/adapter-ear1.ear/dom4j-extensions-2.1.1.jar",
      "C:/Projectestproject/libraries/component2.dll",
    ]);
    // OSS Index reports a bare weakness as a vulnerability: no advisory to file it under.
    expect(findings[3]).toMatchObject({ cve: null, aliases: [], cwe: "CWE-400" });
  });

  it("reads the JSON report", async () => {
    const report = {
      reportSchema: "1.1",
      scanInfo: { engineVersion: "9.0.9" },
      projectInfo: { name: "app" },
      dependencies: [
        {
          fileName: "log4j-core-2.14.1.jar",
          filePath: "/app/lib/log4j-core-2.14.1.jar",
          packages: [{ id: "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", confidence: "HIGH" }],
          vulnerabilities: [
            {
              source: "NVD",
              name: "CVE-2021-44228",
              severity: "CRITICAL",
              cvssv3: { baseScore: 10, baseSeverity: "CRITICAL" },
              cwes: ["CWE-502", "CWE-400"],
              description: "Apache Log4j2 JNDI features do not protect against attacker controlled LDAP.",
              references: [{ source: "MISC", url: "https://logging.apache.org/log4j/2.x/security.html" }],
              vulnerableSoftware: [{ software: { id: "cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*", vulnerabilityIdMatched: "true", versionEndExcluding: "2.15.0" } }],
            },
          ],
          suppressedVulnerabilities: [{ name: "CVE-2021-45046", severity: "CRITICAL" }],
        },
      ],
    };
    const source = scanSourceFromBytes("dependency-check-report.json", JSON.stringify(report));
    expect(dependencyCheckParser.detect(await sniffScan(source))).toBe(true);
    const records: ScanRecord[] = [];
    for await (const r of dependencyCheckParser.parse(source)) records.push(r);
    expect(records[0]).toEqual({ type: "tool", name: "dependency-check", version: "9.0.9" });
    expect(records.slice(1)).toHaveLength(1);
    expect(records[1]).toMatchObject({ type: "finding", finding: { cve: "CVE-2021-44228", packageName: "org.apache.logging.log4j:log4j-core", installedVersion: "2.14.1", severity: "critical", cwe: "CWE-502" } });
  });
});
