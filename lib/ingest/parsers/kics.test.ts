import { describe, expect, it } from "vitest";
import { fakeSecret, fingerprintsAcrossShift, parseText } from "@/lib/ingest/parsers/code-scan-testing";
import { kicsParser } from "@/lib/ingest/parsers/kics";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";

// A KICS 1.7 report cut down to two queries.
const password = fakeSecret("", 16);
const report = (shift = 0, similarity = true) =>
  JSON.stringify({
    kics_version: "v1.7.13",
    files_scanned: 2,
    queries_total: 2,
    queries: [
      {
        query_name: "Healthcheck Instruction Missing",
        query_id: "b03a748a-542d-44f4-bb86-9199ab4fd2d5",
        query_url: "https://docs.docker.com/engine/reference/builder/#healthcheck",
        severity: "LOW",
        platform: "Dockerfile",
        category: "Insecure Configurations",
        description: "Ensure that HEALTHCHECK is being used.",
        cwe: "710",
        files: [
          { file_name: "api/Dockerfile", ...(similarity ? { similarity_id: "9f2e…api" } : {}), line: 1 + shift, issue_type: "MissingAttribute", search_key: "FROM={{node:20}}", expected_value: "Dockerfile should contain instruction 'HEALTHCHECK'", actual_value: "Dockerfile doesn't contain instruction 'HEALTHCHECK'" },
          { file_name: "web/Dockerfile", ...(similarity ? { similarity_id: "9f2e…web" } : {}), line: 1 + shift, issue_type: "MissingAttribute", search_key: "FROM={{nginx}}", expected_value: "Dockerfile should contain instruction 'HEALTHCHECK'", actual_value: "Dockerfile doesn't contain instruction 'HEALTHCHECK'" },
        ],
      },
      {
        query_name: "Passwords And Secrets - Generic Password",
        query_id: "487f4be7-3fd9-4506-a07a-eae252180c08",
        severity: "HIGH",
        platform: "Common",
        category: "Secret Management",
        description: "Query to find passwords and secrets in infrastructure code.",
        files: [{ file_name: "infra/main.tf", similarity_id: "77aa", line: 12 + shift, issue_type: "RedundantAttribute", search_key: "password", expected_value: "Hardcoded secret key should not appear in source", actual_value: `password = ${password}` }],
      },
    ],
    severity_counters: { HIGH: 1, LOW: 2 },
    total_counter: 3,
  });

describe("kics", () => {
  it("no_findings.json has DefectDojo's 0 findings", async () => {
    const { detected, findings, tools } = await parseFixture(kicsParser, "kics/no_findings.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["kics"]);
    expect(findings).toEqual([]);
  });

  it("makes one finding per file a query failed in", async () => {
    const { detected, findings, records } = await parseText(kicsParser, report());
    expect(detected).toBe(true);
    expect(records[0]).toEqual({ type: "tool", name: "kics", version: "v1.7.13" });
    expect(findings.map((f) => [f.title, f.severity, f.kind, f.category, f.locations[0]!.file])).toEqual([
      ["Healthcheck Instruction Missing", "low", "misconfiguration", "deployment", "api/Dockerfile"],
      ["Healthcheck Instruction Missing", "low", "misconfiguration", "deployment", "web/Dockerfile"],
      ["Passwords And Secrets - Generic Password", "high", "secret", "security", "infra/main.tf"],
    ]);
    expect(findings[0]).toMatchObject({ cwe: "CWE-710", references: ["https://docs.docker.com/engine/reference/builder/#healthcheck"], recommendation: "Dockerfile should contain instruction 'HEALTHCHECK'" });
  });

  it("does not repeat a secret query's actual value, which can quote the secret", async () => {
    const { findings } = await parseText(kicsParser, report());
    expect(JSON.stringify(findings)).not.toContain(password);
  });

  it("keeps a finding's fingerprint when the code above it moves, with or without KICS's similarity id", async () => {
    for (const similarity of [true, false]) {
      const [before, after] = await fingerprintsAcrossShift(kicsParser, (shift) => report(shift, similarity));
      expect(before).toEqual(after);
      expect(new Set(before).size).toBe(3);
    }
  });

  it("refuses files that are not a list", async () => {
    await expect(parseText(kicsParser, JSON.stringify({ kics_version: "1", queries: [{ query_name: "q", files: {} }] }))).rejects.toThrow("files that are not a list");
  });
});
