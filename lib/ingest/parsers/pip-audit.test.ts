import { describe, expect, it } from "vitest";
import { fixturePath, parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { pipAuditParser } from "@/lib/ingest/parsers/pip-audit";
import { scanSourceFromBytes, scanSourceFromPath } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanRecord, ScanSource } from "@/lib/ingest/scan-types";
import { sniffScan } from "@/lib/ingest/sniff";

async function records(source: ScanSource): Promise<ScanRecord[]> {
  const out: ScanRecord[] = [];
  for await (const r of pipAuditParser.parse(source)) out.push(r);
  return out;
}

describe("pip-audit", () => {
  it("has DefectDojo's 7 findings in many_vulns.json, all medium: pip-audit rates nothing", async () => {
    const { detected, findings, tools } = await parseFixture(pipAuditParser, "pip_audit/many_vulns.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["pip-audit"]);
    expect(findings).toHaveLength(7);
    expect(findings.map((f) => f.severity)).toEqual(Array(7).fill("medium"));
    expect(findings[1]).toMatchObject({ ruleId: "PYSEC-2021-439", cve: "PYSEC-2021-439", packageName: "django", installedVersion: "3.2.9", fixedVersion: "3.2.10", title: "PYSEC-2021-439 in django 3.2.9" });
    expect(findings[2]).toMatchObject({ packageName: "lxml", fixedVersion: null });
  });

  it("reads empty.json ([]), which it leaves to be chosen: an empty list names no tool", async () => {
    const result = await records(await scanSourceFromPath(fixturePath("pip_audit/empty.json")));
    expect(result).toEqual([{ type: "tool", name: "pip-audit", version: null }]);
  });

  it("reads the pip-audit 2 shape with aliases, and names packages as PyPI does", async () => {
    const report = {
      dependencies: [
        { name: "Flask_Cors", version: "3.0.9", vulns: [{ id: "GHSA-xc3p-ff3m-f46v", fix_versions: ["3.0.9.1", "4.0.1"], aliases: ["CVE-2024-1681", "PYSEC-2024-1"], description: "Log injection" }] },
        { name: "private-pkg", skip_reason: "Dependency not found on PyPI" },
      ],
      fixes: [],
    };
    const source = scanSourceFromBytes("p.json", JSON.stringify(report));
    expect(pipAuditParser.detect(await sniffScan(source))).toBe(true);
    const findings = (await records(source)).flatMap((r): ScanFinding[] => (r.type === "finding" ? [r.finding] : []));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "GHSA-xc3p-ff3m-f46v", cve: "CVE-2024-1681", aliases: ["CVE-2024-1681", "GHSA-xc3p-ff3m-f46v", "PYSEC-2024-1"], packageName: "flask-cors", fixedVersion: "3.0.9.1" });
  });
});
