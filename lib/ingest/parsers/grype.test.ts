import { describe, expect, it } from "vitest";
import { grypeParser } from "@/lib/ingest/parsers/grype";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanFinding } from "@/lib/ingest/scan-types";

async function findingsOf(report: unknown): Promise<ScanFinding[]> {
  const out: ScanFinding[] = [];
  for await (const r of grypeParser.parse(scanSourceFromBytes("grype.json", JSON.stringify(report)))) if (r.type === "finding") out.push(r.finding);
  return out;
}

const match = (id: string, name: string, version: string, path: string, extra: object = {}) => ({
  vulnerability: { id, severity: "High", fix: { state: "fixed", versions: ["2.0.0"] }, ...extra },
  relatedVulnerabilities: [],
  matchDetails: [],
  artifact: { name, version, type: "npm", locations: [{ path }], purl: `pkg:npm/${name}@${version}` },
});

describe("grype", () => {
  it.each([
    ["anchore_grype/no_vuln.json", 0],
    ["anchore_grype/many_vulns4.json", 9],
    ["anchore_grype/issue_9618.json", 35],
    ["anchore_grype/fix_available.json", 1],
  ])("%s has DefectDojo's %i findings", async (file, expected) => {
    const { detected, findings, tools } = await parseFixture(grypeParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["grype"]);
    expect(findings).toHaveLength(expected);
  });

  it("makes one finding of the same CVE in the same package at two paths (same_cve_different_paths.json)", async () => {
    // libc6 2.28-10 is matched twice, once per path of libc.so.6: one package to upgrade, so
    // one finding with both paths, as DefectDojo also counts it.
    const { findings } = await parseFixture(grypeParser, "anchore_grype/same_cve_different_paths.json");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      cve: "CVE-2021-33574",
      packageName: "libc6",
      installedVersion: "2.28-10",
      severity: "critical",
      locations: [
        { file: "/usr/lib/x86_64-linux-gnu/libc.so.6", line: null },
        { file: "/lib/x86_64-linux-gnu/libc.so.6", line: null },
      ],
    });
  });

  it("keeps one finding per installed version (issue_9618.json: avro 1.11.1 and 1.9.2)", async () => {
    const { findings } = await parseFixture(grypeParser, "anchore_grype/issue_9618.json");
    const avro = findings.filter((f) => f.cve === "CVE-2023-39410");
    expect(avro.map((f) => [f.packageName, f.installedVersion, f.fixedVersion])).toEqual([
      ["org.apache.avro:avro", "1.11.1", "1.11.3"],
      ["org.apache.avro:avro", "1.9.2", "1.11.3"],
    ]);
    expect(avro[0]!.aliases).toEqual(["CVE-2023-39410", "GHSA-rhrv-645h-fjfh"]);
  });

  it("maps severity, falling back to the related record's when Grype gives none", async () => {
    const { findings } = await parseFixture(grypeParser, "anchore_grype/issue_9618.json");
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    expect({ critical: count("critical"), high: count("high"), medium: count("medium"), low: count("low") }).toEqual({ critical: 1, high: 19, medium: 13, low: 2 });
    // commons-compress's NVD record has no severity; its GHSA record says High.
    expect(findings.find((f) => f.cve === "CVE-2024-26308")).toMatchObject({ severity: "high", packageName: "org.apache.commons:commons-compress", fixedVersion: "1.26.0" });
    const many = await parseFixture(grypeParser, "anchore_grype/many_vulns4.json");
    expect(many.findings[0]!.severity).toBe("medium");
  });

  it("names the primary CVE when Grype matched a GHSA", async () => {
    const { findings } = await parseFixture(grypeParser, "anchore_grype/many_vulns4.json");
    expect(findings.at(-1)).toMatchObject({ ruleId: "GHSA-8v27-2fg9-7h62", cve: "CVE-2021-23334", aliases: ["CVE-2021-23334", "GHSA-8v27-2fg9-7h62"], packageName: "static-eval" });
  });

  it("advises by fix state and reads the version from the descriptor", async () => {
    const findings = await findingsOf({
      matches: [match("CVE-2020-1", "left-pad", "1.0.0", "package-lock.json", { fix: { state: "wont-fix", versions: [] } }), match("CVE-2020-2", "lodash", "4.17.15", "package-lock.json")],
      source: { type: "directory", target: "." },
      descriptor: { name: "grype", version: "0.80.0" },
    });
    expect(findings.map((f) => [f.fixedVersion, f.recommendation])).toEqual([
      [null, expect.stringMatching(/will not fix/)],
      ["2.0.0", "Upgrade lodash to 2.0.0 or later."],
    ]);
    const tool = [];
    for await (const r of grypeParser.parse(scanSourceFromBytes("g.json", JSON.stringify({ matches: [], source: {}, descriptor: { name: "grype", version: "0.80.0" } })))) tool.push(r);
    expect(tool).toEqual([{ type: "tool", name: "grype", version: "0.80.0" }]);
  });

  it("keeps the fingerprint when the package moves to another path", async () => {
    const scan = (path: string) => findingsOf({ matches: [match("CVE-2020-2", "lodash", "4.17.15", path)], source: {}, descriptor: { name: "grype" } });
    const [before] = await scan("web/package-lock.json");
    const [after] = await scan("frontend/web/package-lock.json");
    expect(after!.fingerprint).toBe(before!.fingerprint);
  });
});
