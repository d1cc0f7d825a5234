import { describe, expect, it } from "vitest";
import {
  advisoryList,
  compareVersions,
  cvssVectorScore,
  dependencyFinding,
  ecosystemPackageName,
  firstFixedVersion,
  packageFromPurl,
  parsePurl,
  patchedRangeStarts,
  vulnerabilitySeverityWord,
  vulnerableRangeEnds,
} from "@/lib/ingest/parsers/dependency-finding";

describe("dependency findings' shared rules", () => {
  it.each([
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", 10],
    ["CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N", 5.9],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", 6.1],
    ["CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N", 6.5],
    ["CVSS:3.0/AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H", 8.6],
    ["AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", 7.5],
    ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0],
    ["AV:N/AC:M/Au:N/C:N/I:P/A:N", 4.3],
    ["AV:N/AC:M/Au:N/C:C/I:C/A:C", 9.3],
    ["AV:L/AC:H/Au:N/C:C/I:C/A:C", 6.2],
    ["not a vector", null],
    ["CVSS:3.1/AV:N", null],
  ])("scores %s as %s", (vector, score) => {
    expect(cvssVectorScore(vector)).toBe(score);
  });

  it("puts CVSS 4.0 vectors in the band of their real score", () => {
    // Real scores 9.3 and 6.3 (FIRST's calculator); the v3.1 counterpart lands in the same band.
    expect(cvssVectorScore("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).toBeGreaterThanOrEqual(9);
    const medium = cvssVectorScore("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N")!;
    expect(medium >= 4 && medium < 7).toBe(true);
  });

  it.each([
    ["1.0.0-rc1", "1.0.0", -1],
    ["1.0.0-alpha", "1.0.0-beta", -1],
    ["2.10.5.1", "2.10.5", 1],
    ["4.5.8.SP1", "4.5.8", 1],
    ["1.2.Final", "1.2", 0],
    ["2.1.1.redhat-00001", "2.1.1", 1],
    ["0.104.0-alpha.7", "0.103.13", 1],
    ["4.38.0", "4.38", 0],
    ["1.30+dfsg-6", "1.30+dfsg-7", -1],
  ])("orders %s against %s as %i", (a, b, order) => {
    expect(Math.sign(compareVersions(a, b))).toBe(order);
  });

  it("picks the first fix on the installed version's line", () => {
    expect(firstFixedVersion(["11.0.14, 10.1.49, 9.0.112"], "9.0.109")).toBe("9.0.112");
    expect(firstFixedVersion(["2.2.25", "3.1.14", "3.2.10"], "3.2.9")).toBe("3.2.10");
    expect(firstFixedVersion(["3.4.0", "4.1.2"], null)).toBe("3.4.0");
    expect(firstFixedVersion([], "1.0")).toBeNull();
  });

  it("reads fixed versions from ranges", () => {
    expect(patchedRangeStarts(">=0.2.1 <1.0.0 || >=1.2.3")).toEqual(["0.2.1", "1.2.3"]);
    expect(vulnerableRangeEnds("<0.2.1 || >=1.0.0 <1.2.3")).toEqual(["0.2.1", "1.2.3"]);
    expect(vulnerableRangeEnds("<=5.28.2")).toEqual([]);
  });

  it("names packages the way their ecosystem does", () => {
    expect(packageFromPurl(parsePurl("pkg:maven/org.apache.avro/avro@1.11.1")!)).toEqual({ name: "org.apache.avro:avro", version: "1.11.1" });
    expect(packageFromPurl(parsePurl("pkg:npm/%40angular/core@11.0.4")!)).toEqual({ name: "@angular/core", version: "11.0.4" });
    expect(packageFromPurl(parsePurl("pkg:pypi/Flask_Cors@3.0.9")!)).toEqual({ name: "flask-cors", version: "3.0.9" });
    expect(packageFromPurl(parsePurl("pkg:deb/debian/tar@1.30%2Bdfsg-6?arch=amd64")!)).toEqual({ name: "tar", version: "1.30+dfsg-6" });
    expect(packageFromPurl(parsePurl("pkg:golang/github.com/gin-gonic/gin@v1.9.0")!)).toEqual({ name: "github.com/gin-gonic/gin", version: "v1.9.0" });
    expect(ecosystemPackageName("maven", "org.apache.tomcat:tomcat-catalina")).toBe("org.apache.tomcat:tomcat-catalina");
    expect(parsePurl("not a purl")).toBeNull();
  });

  it("orders advisory ids: the first CVE, the other CVEs, then the rest", () => {
    expect(advisoryList(["GHSA-8V27-2FG9-7H62", "SNYK-JS-X-1"], "see CVE-2021-23334 and CVE-2021-1000")).toEqual(["CVE-2021-23334", "CVE-2021-1000", "GHSA-8v27-2fg9-7h62", "SNYK-JS-X-1"]);
    expect(advisoryList([])).toEqual([]);
  });

  it("treats an unknown severity as unrated, not as info", () => {
    expect(vulnerabilitySeverityWord("UNKNOWN")).toBeNull();
    expect(vulnerabilitySeverityWord("Negligible")).toBe("low");
    expect(vulnerabilitySeverityWord("moderate")).toBe("medium");
  });

  it("builds one title, fingerprint and advice for every tool", () => {
    const finding = dependencyFinding({ tool: "x", ids: ["CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q"], summary: "Remote code injection in Log4j", description: "…", severity: "critical", packageName: "org.apache.logging.log4j:log4j-core", installedVersion: "2.14.1", fixedVersion: "2.15.0" });
    expect(finding).toMatchObject({
      title: "CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1: Remote code injection in Log4j",
      ruleId: "CVE-2021-44228",
      cve: "CVE-2021-44228",
      aliases: ["CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q"],
      recommendation: "Upgrade org.apache.logging.log4j:log4j-core to 2.15.0 or later.",
      kind: "vulnerability",
      category: "security",
    });
    const moved = dependencyFinding({ tool: "x", ids: ["CVE-2021-44228"], description: "", severity: "critical", packageName: "org.apache.logging.log4j:log4j-core", installedVersion: "2.14.1", fixedVersion: null, locations: [{ file: "elsewhere.jar", line: null }] });
    expect(moved.fingerprint).toBe(finding.fingerprint);
  });
});
