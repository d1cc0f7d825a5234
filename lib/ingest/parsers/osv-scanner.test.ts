import { describe, expect, it } from "vitest";
import { osvScannerParser } from "@/lib/ingest/parsers/osv-scanner";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanFinding } from "@/lib/ingest/scan-types";

async function findingsOf(report: unknown): Promise<ScanFinding[]> {
  const out: ScanFinding[] = [];
  for await (const r of osvScannerParser.parse(scanSourceFromBytes("o.json", JSON.stringify(report)))) if (r.type === "finding") out.push(r.finding);
  return out;
}

const record = (id: string, aliases: string[], extra: object = {}) => ({
  id,
  aliases,
  summary: "Cross-site scripting in jinja2",
  affected: [{ package: { name: "Jinja2", ecosystem: "PyPI" }, ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "2.11.3" }] }] }],
  ...extra,
});

describe("osv-scanner", () => {
  it("has DefectDojo's 1 finding in multi_cwe_fabricated.json, with its first CWE", async () => {
    const { detected, findings, tools } = await parseFixture(osvScannerParser, "osv_scanner/multi_cwe_fabricated.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["osv-scanner"]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: "GHSA-multi-cwe-0001",
      packageName: "example-pkg",
      installedVersion: "1.0.0",
      severity: "medium",
      cwe: "CWE-79",
      locations: [{ file: "/tmp/components/yarn.lock", line: null }],
      title: "GHSA-multi-cwe-0001 in example-pkg 1.0.0: Example vulnerability with multiple CWEs",
    });
  });

  it("makes one finding of a group of records for one vulnerability, rated by the group", async () => {
    const findings = await findingsOf({
      results: [
        {
          source: { path: "requirements.txt", type: "lockfile" },
          packages: [
            {
              package: { name: "Jinja2", version: "2.10", ecosystem: "PyPI" },
              vulnerabilities: [
                record("GHSA-g3rq-g295-4j3m", ["CVE-2020-28493"], { database_specific: { severity: "MODERATE" } }),
                record("PYSEC-2021-66", ["CVE-2020-28493", "GHSA-g3rq-g295-4j3m"], { severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L" }] }),
              ],
              groups: [{ ids: ["GHSA-g3rq-g295-4j3m", "PYSEC-2021-66"], max_severity: "5.3" }],
            },
          ],
        },
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cve: "CVE-2020-28493", aliases: ["CVE-2020-28493", "GHSA-g3rq-g295-4j3m", "PYSEC-2021-66"], packageName: "jinja2", fixedVersion: "2.11.3", severity: "medium" });
  });

  it("groups records by shared aliases when osv-scanner gives no groups, and rates by CVSS vector", async () => {
    const findings = await findingsOf({
      results: [
        {
          source: { path: "poetry.lock" },
          packages: [
            {
              package: { name: "jinja2", version: "2.10", ecosystem: "PyPI" },
              vulnerabilities: [record("GHSA-aaaa-bbbb-cccc", ["CVE-2024-1001"], { severity: [{ type: "CVSS_V3", score: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }] }), record("PYSEC-2024-9", ["CVE-2024-1001"]), record("PYSEC-2024-10", [])],
            },
          ],
        },
      ],
    });
    expect(findings.map((f) => [f.ruleId, f.cve, f.severity])).toEqual([
      ["GHSA-aaaa-bbbb-cccc", "CVE-2024-1001", "critical"],
      ["PYSEC-2024-10", "PYSEC-2024-10", "medium"],
    ]);
  });
});
