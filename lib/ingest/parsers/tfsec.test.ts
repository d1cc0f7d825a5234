import { describe, expect, it } from "vitest";
import { fingerprintsAcrossShift, parseText } from "@/lib/ingest/parsers/code-scan-testing";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { tfsecParser } from "@/lib/ingest/parsers/tfsec";

// tfsec 1.x's shape.
const result = (line: number, more: Record<string, unknown> = {}) => ({
  rule_id: "AVD-AWS-0086",
  long_id: "aws-s3-block-public-acls",
  rule_description: "S3 Access block should block public ACL",
  rule_provider: "aws",
  rule_service: "s3",
  impact: "PUT calls with public ACLs specified can make objects public",
  resolution: "Enable blocking any PUT calls with a public ACL specified",
  links: ["https://aquasecurity.github.io/tfsec/v1.28.1/checks/aws/s3/block-public-acls/"],
  description: "No public access block so not blocking public acls",
  severity: "HIGH",
  warning: false,
  status: 0,
  resource: "aws_s3_bucket.logs",
  location: { filename: "infra/s3.tf", start_line: line, end_line: line + 4 },
  ...more,
});

describe("tfsec", () => {
  it.each([
    ["tfsec/no_findings.json", 0],
    // The fourth result says "passed": true.
    ["tfsec/many_findings_legacy.json", 3],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(tfsecParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["tfsec"]);
    expect(findings).toHaveLength(count);
  });

  it("maps legacy ERROR and WARNING to high and medium, as DefectDojo asserts", async () => {
    const { findings } = await parseFixture(tfsecParser, "tfsec/many_findings_legacy.json");
    expect(findings.map((f) => f.severity)).toEqual(["high", "high", "medium"]);
    expect(findings[0]).toMatchObject({
      tool: "tfsec",
      ruleId: "GCP009",
      title: "GCP009: Pod security policy enforcement not defined.",
      kind: "misconfiguration",
      category: "configuration",
      locations: [{ file: "tfsec-test/cluster.tf", line: 52 }],
      recommendation: "Use security policies for pods to restrict permissions to those needed to be effective",
      references: ["https://tfsec.dev/docs/google/GCP009/"],
    });
  });

  it("reads tfsec 1.x and leaves out passed and ignored checks", async () => {
    const { detected, findings } = await parseText(tfsecParser, JSON.stringify({ results: [result(3), result(9, { status: 1 }), result(12, { status: 2 }), result(20, { severity: "CRITICAL", resource: "aws_s3_bucket.data" })] }));
    expect(detected).toBe(true);
    expect(findings.map((f) => [f.ruleId, f.severity, f.locations[0]!.line])).toEqual([
      ["AVD-AWS-0086", "high", 3],
      ["AVD-AWS-0086", "critical", 20],
    ]);
    expect(findings[0]!.references).toEqual(["https://aquasecurity.github.io/tfsec/v1.28.1/checks/aws/s3/block-public-acls/"]);
  });

  it("keeps a finding's fingerprint when the code above it moves", async () => {
    const [before, after] = await fingerprintsAcrossShift(tfsecParser, (shift) => JSON.stringify({ results: [result(3 + shift), result(30 + shift, { resource: "aws_s3_bucket.data" })] }));
    expect(before).toEqual(after);
    expect(new Set(before).size).toBe(2);
  });

  it("refuses a result without a rule id", async () => {
    await expect(parseText(tfsecParser, JSON.stringify({ results: [{ severity: "HIGH" }] }))).rejects.toThrow("rule_id");
  });
});
