import { describe, expect, it } from "vitest";
import { checkovParser } from "@/lib/ingest/parsers/checkov";
import { fingerprintsAcrossShift, parseText, severityCounts } from "@/lib/ingest/parsers/code-scan-testing";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";

const failed = (line: number, more: Record<string, unknown> = {}) => ({
  check_id: "CKV_K8S_20",
  check_name: "Containers should not run with allowPrivilegeEscalation",
  check_result: { result: "FAILED" },
  file_path: "/k8s/deploy.yaml",
  file_line_range: [line, line + 30],
  resource: "Deployment.default.api",
  guideline: "https://docs.prismacloud.io/en/policy/ckv-k8s-20",
  severity: null,
  ...more,
});
const report = (checkType: string, checks: unknown[]) => ({ check_type: checkType, results: { passed_checks: [], failed_checks: checks, skipped_checks: [], parsing_errors: [] }, summary: { passed: 0, failed: checks.length, skipped: 0, parsing_errors: 0, checkov_version: "3.2.0" } });

describe("checkov", () => {
  it.each([
    ["checkov/checkov-report-0-vuln.json", 0],
    ["checkov/checkov-report-1-vuln.json", 1],
    ["checkov/checkov-report-severity.json", 4],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(checkovParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["checkov"]);
    expect(findings).toHaveLength(count);
  });

  it("uses checkov's severity where it has one, else medium", async () => {
    const rated = await parseFixture(checkovParser, "checkov/checkov-report-severity.json");
    expect(rated.findings.map((f) => f.severity)).toEqual(["medium", "medium", "low", "high"]);
    const unrated = await parseFixture(checkovParser, "checkov/checkov-report-1-vuln.json");
    expect(unrated.findings[0]).toMatchObject({
      tool: "checkov",
      ruleId: "CKV_AZURE_42",
      title: "Ensure the key vault is recoverable",
      severity: "medium",
      kind: "misconfiguration",
      category: "configuration",
      locations: [{ file: "file_path", line: 1 }],
      references: ["https://docs.bridgecrew.io/docs/ensure-the-key-vault-is-recoverable"],
    });
  });

  it("reads a list of reports, one per framework, with deployment files as deployment", async () => {
    const secret = failed(4, { check_id: "CKV_SECRET_6", check_name: "Base64 High Entropy String", file_path: "/app/.env", resource: "25910f981e85ca04baf359199dd0bd4a3ae738b6", check_type: "secrets" });
    const { detected, findings, records } = await parseText(checkovParser, JSON.stringify([report("kubernetes", [failed(1)]), report("secrets", [secret])]));
    expect(detected).toBe(true);
    expect(records[0]).toEqual({ type: "tool", name: "checkov", version: "3.2.0" });
    expect(findings.map((f) => [f.ruleId, f.kind, f.category])).toEqual([
      ["CKV_K8S_20", "misconfiguration", "deployment"],
      ["CKV_SECRET_6", "secret", "security"],
    ]);
    expect(severityCounts(findings)).toEqual({ medium: 2 });
  });

  it("reads dependency findings of the sca_package framework as advisories", async () => {
    const cve = failed(1, {
      check_id: "CKV_CVE_2021_23337",
      check_name: "SCA package scan",
      file_path: "/package.json",
      resource: "package.json.lodash",
      severity: "HIGH",
      vulnerability_details: { id: "CVE-2021-23337", package_name: "lodash", package_version: "4.17.20", lowest_fixed_version: "4.17.21", link: "https://nvd.nist.gov/vuln/detail/CVE-2021-23337" },
    });
    const { findings } = await parseText(checkovParser, JSON.stringify(report("sca_package", [cve])));
    expect(findings[0]).toMatchObject({ ruleId: "CVE-2021-23337", title: "CVE-2021-23337 in lodash 4.17.20", cve: "CVE-2021-23337", aliases: ["CVE-2021-23337"], packageName: "lodash", installedVersion: "4.17.20", fixedVersion: "4.17.21", kind: "vulnerability", severity: "high" });
  });

  it("keeps a finding's fingerprint when the code above it moves", async () => {
    const [before, after] = await fingerprintsAcrossShift(checkovParser, (shift) => JSON.stringify(report("kubernetes", [failed(1 + shift)])));
    expect(before).toEqual(after);
  });

  it("claims checkov's summary-only output for an empty directory", async () => {
    const { detected, findings, records } = await parseText(checkovParser, JSON.stringify({ passed: 0, failed: 0, skipped: 0, parsing_errors: 0, resource_count: 0, checkov_version: "3.2.0" }));
    expect({ detected, findings, tool: records[0] }).toEqual({ detected: true, findings: [], tool: { type: "tool", name: "checkov", version: "3.2.0" } });
  });

  it("refuses a failed check without a check_id", async () => {
    await expect(parseText(checkovParser, JSON.stringify(report("terraform", [{ file_path: "a.tf" }])))).rejects.toThrow("check_id");
  });
});
