import { describe, expect, it } from "vitest";
import { cargoAuditParser } from "@/lib/ingest/parsers/cargo-audit";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanFinding } from "@/lib/ingest/scan-types";

async function findingsOf(report: unknown): Promise<ScanFinding[]> {
  const out: ScanFinding[] = [];
  for await (const r of cargoAuditParser.parse(scanSourceFromBytes("c.json", JSON.stringify(report)))) if (r.type === "finding") out.push(r.finding);
  return out;
}

describe("cargo audit", () => {
  it.each([
    ["cargo_audit/no_findings.json", 0],
    ["cargo_audit/many_findings_cvss.json", 10],
  ])("%s has DefectDojo's %i findings", async (file, expected) => {
    const { detected, findings, tools } = await parseFixture(cargoAuditParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["cargo-audit"]);
    expect(findings).toHaveLength(expected);
  });

  it("rates advisories by their CVSS vector, and medium without one (many_findings_cvss.json)", async () => {
    const { findings } = await parseFixture(cargoAuditParser, "cargo_audit/many_findings_cvss.json");
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["RUSTSEC-2026-0047", "high"], // CVSS:3.1 …/C:N/I:H/A:N = 7.5
      ["RUSTSEC-2026-0046", "high"],
      ["RUSTSEC-2026-0044", "medium"], // no vector
      ["RUSTSEC-2026-0045", "medium"], // AC:H = 5.9
      ["RUSTSEC-2026-0048", "high"], // AC:H, C:H/I:H = 7.4
      ["RUSTSEC-2026-0141", "critical"], // CVSS:4.0, network, no privileges, high VC/VI
      ["RUSTSEC-2026-0049", "medium"],
      ["RUSTSEC-2026-0104", "medium"],
      ["RUSTSEC-2026-0099", "medium"],
      ["RUSTSEC-2026-0098", "medium"],
    ]);
  });

  it("files a RustSec advisory under its CVE with the first patched version on the installed line", async () => {
    const { findings } = await parseFixture(cargoAuditParser, "cargo_audit/many_findings_cvss.json");
    expect(findings[0]).toMatchObject({
      cve: "CVE-2026-3338",
      aliases: ["CVE-2026-3338", "RUSTSEC-2026-0047", "GHSA-hfpc-8r3f-gw53", "GHSA-jchq-39cv-q4wj"],
      packageName: "aws-lc-sys",
      installedVersion: "0.36.0",
      fixedVersion: "0.38.0",
      title: "CVE-2026-3338 in aws-lc-sys 0.36.0: PKCS7_verify Signature Validation Bypass in AWS-LC",
    });
    // patched: ">=0.103.13, <0.104.0-alpha.1" or ">=0.104.0-alpha.7", installed 0.103.9.
    expect(findings[7]).toMatchObject({ cve: "RUSTSEC-2026-0104", fixedVersion: "0.103.13" });
  });

  it("reports warnings: unsound as a low vulnerability, unmaintained and yanked as quality", async () => {
    const advisory = (id: string, informational: string) => ({ id, package: "x", title: `${informational} crate`, informational, aliases: [], cvss: null });
    const findings = await findingsOf({
      database: {},
      lockfile: { "dependency-count": 3 },
      vulnerabilities: { found: false, count: 0, list: [] },
      warnings: {
        unmaintained: [{ kind: "unmaintained", package: { name: "ansi_term", version: "0.12.1" }, advisory: advisory("RUSTSEC-2021-0139", "unmaintained"), versions: { patched: [] } }],
        unsound: [{ kind: "unsound", package: { name: "atty", version: "0.2.14" }, advisory: advisory("RUSTSEC-2021-0145", "unsound"), versions: { patched: [] } }],
        yanked: [{ kind: "yanked", package: { name: "futures-util", version: "0.3.30" }, advisory: null }],
      },
    });
    expect(findings.map((f) => [f.packageName, f.kind, f.severity])).toEqual([
      ["ansi_term", "quality", "low"],
      ["atty", "vulnerability", "low"],
      ["futures-util", "quality", "low"],
    ]);
    expect(findings[2]).toMatchObject({ ruleId: "yanked", cve: null, recommendation: expect.stringMatching(/not yanked/) });
  });
});
