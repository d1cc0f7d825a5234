import { describe, expect, it } from "vitest";
import { cyclonedxParser } from "@/lib/ingest/parsers/cyclonedx";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanFinding } from "@/lib/ingest/scan-types";

const count = (findings: ScanFinding[], severity: string) => findings.filter((f) => f.severity === severity).length;

async function findingsOf(bom: unknown): Promise<ScanFinding[]> {
  const out: ScanFinding[] = [];
  for await (const r of cyclonedxParser.parse(scanSourceFromBytes("bom.json", JSON.stringify(bom)))) if (r.type === "finding") out.push(r.finding);
  return out;
}

describe("cyclonedx", () => {
  it.each([
    ["cyclonedx/grype_dd_1_14_1.xml", 312, "grype"],
    ["cyclonedx/spec1_lowfirst.xml", 1, "cyclonedx"],
    ["cyclonedx/jake.xml", 0, "cyclonedx"],
    ["cyclonedx/dd_1_15_0.xml", 381, "grype"],
    ["cyclonedx/multiple_cwes_fabricated.xml", 1, "grype"],
    ["cyclonedx/jake2.json", 7, "cyclonedx-python-lib"],
    ["cyclonedx/log4j.json", 8, "grype"],
    ["cyclonedx/issue_9277.json", 14, "trivy"],
    ["cyclonedx/no-severity.json", 1, "cyclonedx"],
  ])("%s has DefectDojo's %i findings, from the BOM's tool", async (file, expected, tool) => {
    const { detected, findings, tools } = await parseFixture(cyclonedxParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual([tool]);
    expect(findings).toHaveLength(expected);
    expect(findings.every((f) => f.tool === tool)).toBe(true);
  });

  it("reads the 1.0 vulnerability extension inside components (grype_dd_1_14_1.xml)", async () => {
    const { findings } = await parseFixture(cyclonedxParser, "cyclonedx/grype_dd_1_14_1.xml");
    expect(findings.slice(0, 2).map((f) => [f.ruleId, f.packageName, f.installedVersion, f.severity])).toEqual([
      ["GHSA-xgxc-v2qg-chmh", "Django", "2.2.18", "low"],
      ["CVE-2011-3374", "apt", "1.8.2.1", "low"],
    ]);
    expect({ critical: count(findings, "critical"), high: count(findings, "high"), medium: count(findings, "medium"), low: count(findings, "low") }).toEqual({ critical: 5, high: 31, medium: 139, low: 137 });
  });

  it("rates grype's Unknown as medium, where DefectDojo says info (dd_1_15_0.xml)", async () => {
    // 33 vulnerabilities are Unknown with a placeholder score of 0 and no method: not rated
    // yet, not harmless.
    const { findings } = await parseFixture(cyclonedxParser, "cyclonedx/dd_1_15_0.xml");
    expect(findings.slice(0, 4).map((f) => f.severity)).toEqual(["low", "medium", "low", "medium"]);
    expect(count(findings, "info")).toBe(0);
    expect(count(findings, "medium")).toBe(175 + 33);
  });

  it("prefers the CVSS rating to an earlier OWASP one (spec1_lowfirst.xml)", async () => {
    const { findings } = await parseFixture(cyclonedxParser, "cyclonedx/spec1_lowfirst.xml");
    expect(findings[0]).toMatchObject({ severity: "critical", cve: "CVE-2018-7489", packageName: "com.fasterxml.jackson.core:jackson-databind", installedVersion: "2.9.9", cwe: "CWE-184" });
  });

  it("resolves affects refs to components and reads fixed versions from grype's properties (log4j.json)", async () => {
    const { findings } = await parseFixture(cyclonedxParser, "cyclonedx/log4j.json");
    expect(findings[0]).toMatchObject({ severity: "critical", cve: "CVE-2021-44228", packageName: "org.apache.logging.log4j:log4j-core", installedVersion: "2.13.2" });
    expect(findings.filter((f) => f.fixedVersion).map((f) => [f.ruleId, f.fixedVersion])).toEqual([
      ["GHSA-7rjr-3q55-vv33", "2.16.0"],
      ["GHSA-8489-44mv-ggj8", "2.17.1"],
      ["GHSA-jfh8-c2jp-5v3q", "2.15.0"],
      ["GHSA-p6xc-xr62-6r2g", "2.17.0"],
    ]);
  });

  it("makes one finding per affected component (issue_9277.json: 10 vulnerabilities, 14 packages)", async () => {
    const { findings } = await parseFixture(cyclonedxParser, "cyclonedx/issue_9277.json");
    expect(findings.filter((f) => f.cve === "CVE-2016-20013").map((f) => f.packageName)).toEqual(["libc-bin", "libc6"]);
    // Trivy rated by its source, ubuntu: low, where NVD says 6.5.
    expect(findings[0]).toMatchObject({ cve: "CVE-2016-2781", severity: "low", packageName: "coreutils" });
    // A ref the BOM lists no component for is still a purl.
    expect(findings[1]).toMatchObject({ ruleId: "TEMP-0290435-0B57B5", packageName: "tar", installedVersion: "1.30+dfsg-6" });
  });

  it("files OSS Index findings under their CVE (jake2.json)", async () => {
    const { findings } = await parseFixture(cyclonedxParser, "cyclonedx/jake2.json");
    expect(findings[0]).toMatchObject({ ruleId: "c7129ff8-08bc-4afe-82ec-7d97b9491741", cve: "CVE-2021-33203", packageName: "django", installedVersion: "2.0", severity: "high" });
    expect({ high: count(findings, "high"), medium: count(findings, "medium") }).toEqual({ high: 3, medium: 4 });
  });

  it("scores a rating that has only a score (no-severity.json)", async () => {
    const { findings } = await parseFixture(cyclonedxParser, "cyclonedx/no-severity.json");
    expect(findings.map((f) => f.severity)).toEqual(["critical"]);
  });

  it("leaves out what a VEX analysis or an unaffected version clears, and reads components listed after vulnerabilities", async () => {
    const vuln = (id: string, extra: object) => ({ id, ratings: [{ severity: "high" }], affects: [{ ref: "c1" }], ...extra });
    const findings = await findingsOf({
      bomFormat: "CycloneDX",
      specVersion: "1.5",
      vulnerabilities: [vuln("CVE-2024-0001", { analysis: { state: "not_affected" } }), vuln("CVE-2024-0002", { affects: [{ ref: "c1", versions: [{ version: "1.0.0", status: "unaffected" }] }] }), vuln("CVE-2024-0003", {})],
      components: [{ "bom-ref": "c1", type: "library", name: "left-pad", version: "1.0.0", purl: "pkg:npm/left-pad@1.0.0", properties: [{ name: "syft:location:0:path", value: "/app/package-lock.json" }] }],
      metadata: { tools: { components: [{ name: "Syft", version: "1.0.0" }] } },
    });
    expect(findings.map((f) => [f.tool, f.cve, f.packageName, f.locations[0]?.file])).toEqual([["syft", "CVE-2024-0003", "left-pad", "/app/package-lock.json"]]);
  });
});
