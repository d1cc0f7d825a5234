import { describe, expect, it } from "vitest";
import { groupScanFindings, newScanSeen } from "@/lib/ingest/group-scan-findings";
import { fingerprintsAcrossShift, parseText } from "@/lib/ingest/parsers/code-scan-testing";
import { hadolintParser } from "@/lib/ingest/parsers/hadolint";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";

const result = (line: number, code = "DL3008", level = "warning") => ({ line, code, message: "Pin versions in apt get install.", column: 1, file: "Dockerfile", level });

describe("hadolint", () => {
  it("one_dockerfile.json has DefectDojo's 4 findings", async () => {
    const { detected, findings, tools } = await parseFixture(hadolintParser, "hadolint/one_dockerfile.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["hadolint"]);
    expect(findings).toHaveLength(4);
  });

  it("maps levels on the linter scale: error medium, warning low, info and style info", async () => {
    const { findings } = await parseFixture(hadolintParser, "hadolint/one_dockerfile.json");
    expect(findings.map((f) => f.severity)).toEqual(["low", "info", "low", "low"]);
    const levels = await parseText(hadolintParser, JSON.stringify([result(1, "DL3000", "error"), result(2, "SC2086", "style"), result(3, "DL1", "odd")]));
    expect(levels.findings.map((f) => f.severity)).toEqual(["medium", "info", "medium"]);
    expect(levels.findings[1]!.references).toEqual(["https://www.shellcheck.net/wiki/SC2086"]);
  });

  it("maps rule, location (forward slashes) and kind", async () => {
    const { findings } = await parseFixture(hadolintParser, "hadolint/one_dockerfile.json");
    expect(findings[0]).toMatchObject({
      tool: "hadolint",
      ruleId: "DL3008",
      kind: "misconfiguration",
      category: "deployment",
      locations: [{ file: "django-DefectDojo/Dockerfile.django", line: 9 }],
      references: ["https://github.com/hadolint/hadolint/wiki/DL3008"],
    });
    // DL3008 twice in one Dockerfile: one fingerprint, numbered into two findings by the import.
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(3);
    expect(groupScanFindings(findings, newScanSeen())).toHaveLength(4);
  });

  it("keeps a finding's fingerprint when the lines above it move", async () => {
    const [before, after] = await fingerprintsAcrossShift(hadolintParser, (shift) => JSON.stringify([result(9 + shift), result(25 + shift)]));
    expect(before).toEqual(after);
  });

  it("refuses a result without a code", async () => {
    await expect(parseText(hadolintParser, JSON.stringify([{ line: 1, file: "Dockerfile" }]))).rejects.toThrow("code");
  });
});
