import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { fakeSecret, fingerprintsAcrossShift, parseText, severityCounts } from "@/lib/ingest/parsers/code-scan-testing";
import { gitleaksParser, redactSecret } from "@/lib/ingest/parsers/gitleaks";
import { fixturePath, parseFixture } from "@/lib/ingest/parsers/parse-fixture";

const token = fakeSecret("ghp_", 40);
const v8Leak = (line: number, secret = token, commit = "a1b2c3") => ({
  Description: "GitHub Personal Access Token",
  StartLine: line,
  EndLine: line,
  Match: `token = "${secret}"`,
  Secret: secret,
  File: "src/config.py",
  Commit: commit,
  RuleID: "github-pat",
  Fingerprint: `${commit}:src/config.py:github-pat:${line}`,
});

describe("gitleaks", () => {
  it.each([
    ["gitleaks/data_many.json", 2],
    ["gitleaks/issue4336.json", 1],
    // DefectDojo's 3: the same AWS secret at the same place in two commits is one credential to rotate.
    ["gitleaks/gitleaks8_many.json", 3],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(gitleaksParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["gitleaks"]);
    expect(findings).toHaveLength(count);
  });

  it("reads v7's empty report (null) as no findings, but does not claim it: trivy writes the same bytes", async () => {
    const { detected, findings, tools } = await parseFixture(gitleaksParser, "gitleaks/no_findings.json");
    expect(findings).toEqual([]);
    expect(tools).toEqual(["gitleaks"]);
    expect(detected).toBe(false);
  });

  it("merges one credential across commits and keeps both commits", async () => {
    const { findings } = await parseFixture(gitleaksParser, "gitleaks/gitleaks8_many.json");
    const aws = findings.find((f) => f.ruleId === "aws-access-token")!;
    expect(aws.description).toContain("74d53286c550630f80847d37f68aa3065554ac813544072ccd1278da71fafe31");
    expect(aws.description).toContain("9619c91b3fd2998be5d9ce198833d7ac9489d9bc378ad7cd28963d5a967f8699");
    expect(aws.locations).toEqual([{ file: "/conf/aws.tf", line: 2 }]);
  });

  it("rates takeover credentials (cloud, code host, private key) critical and the rest high", async () => {
    const v8 = await parseFixture(gitleaksParser, "gitleaks/gitleaks8_many.json");
    expect(v8.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["aws-access-token", "critical"],
      ["RSA-PK", "critical"],
      ["generic-api-key", "high"],
    ]);
    const v7 = await parseFixture(gitleaksParser, "gitleaks/data_many.json");
    expect(severityCounts(v7.findings)).toEqual({ critical: 1, high: 1 });
    expect(v7.findings[0]).toMatchObject({ tool: "gitleaks", kind: "secret", category: "security", cwe: "CWE-798", title: "Hard-coded Github in .bashrc", locations: [{ file: ".bashrc", line: null }] });
  });

  it("never writes a secret in clear, in any field", async () => {
    for (const file of ["gitleaks/data_many.json", "gitleaks/issue4336.json", "gitleaks/gitleaks8_many.json"]) {
      const leaks = JSON.parse(await readFile(fixturePath(file), "utf8")) as Record<string, string>[];
      const { findings } = await parseFixture(gitleaksParser, file);
      const written = JSON.stringify(findings);
      for (const leak of leaks) {
        const secret = leak.Secret ?? leak.offender!;
        expect(written).not.toContain(secret);
        expect(written).toContain(redactSecret(secret));
      }
    }
    // v7's offender holds the key name too; the token inside it is gone with it.
    const { findings } = await parseFixture(gitleaksParser, "gitleaks/data_many.json");
    expect(JSON.stringify(findings)).not.toContain("c77e01c1e89682e4d4b94a059a7fd2b37ab326ed");
  });

  it("keeps the text around the secret, redacted, so a reader can find it", async () => {
    const { findings } = await parseFixture(gitleaksParser, "gitleaks/gitleaks8_many.json");
    expect(findings[2]!.description).toContain('Match: `apikey = "dfjk…[redacted, 24 characters]"`');
    expect(redactSecret("short")).toBe("…[redacted, 5 characters]");
  });

  it("leaves out a match or line that does not contain the secret, as it cannot be redacted", async () => {
    const leak = { ...v8Leak(3), Match: "something else entirely", Message: `add ${token}` };
    const { findings } = await parseText(gitleaksParser, JSON.stringify([leak]));
    expect(findings[0]!.description).not.toContain("Match:");
    expect(JSON.stringify(findings)).not.toContain(leak.Secret);
  });

  it("redacts every secret of a line, not only the leak's own", async () => {
    const [accessKey, secretKey] = [fakeSecret("AKIA", 20), fakeSecret("wJal", 40)];
    const line = `export AWS_ACCESS_KEY_ID="${accessKey}" AWS_SECRET_ACCESS_KEY="${secretKey}"`;
    const leak = (offender: string, rule: string) => ({ line, offender, rule, file: ".env", commit: "c", commitMessage: "env", author: "a", email: "e", date: "2024-01-01", tags: "" });
    const { findings } = await parseText(gitleaksParser, JSON.stringify([leak(accessKey, "AWS Access Key"), leak(secretKey, "AWS Secret Key")]));
    const written = JSON.stringify(findings);
    expect(written).not.toContain(accessKey);
    expect(written).not.toContain(secretKey);
    expect(findings[0]!.description).toContain('AWS_ACCESS_KEY_ID="AKIA…[redacted, 20 characters]" AWS_SECRET_ACCESS_KEY="wJal…[redacted, 40 characters]"');
  });

  it("keeps a credential's fingerprint when the code above it moves or a new commit repeats it", async () => {
    const [before, after] = await fingerprintsAcrossShift(gitleaksParser, (shift) => JSON.stringify([v8Leak(10 + shift, undefined, `commit${shift}`)]));
    expect(before[0]).toBe(after[0]);
    const other = await parseText(gitleaksParser, JSON.stringify([v8Leak(10, fakeSecret("ghp_", 40))]));
    expect(other.findings[0]!.fingerprint).not.toBe(before[0]);
  });

  it("quotes v8's own fingerprints for .gitleaksignore", async () => {
    const { findings } = await parseText(gitleaksParser, JSON.stringify([v8Leak(4, undefined, "c1"), v8Leak(9, undefined, "c2")]));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.recommendation).toContain("`c1:src/config.py:github-pat:4`, `c2:src/config.py:github-pat:9`");
    expect(findings[0]!.locations).toEqual([
      { file: "src/config.py", line: 4 },
      { file: "src/config.py", line: 9 },
    ]);
  });

  it("refuses an object where the list of leaks should be", async () => {
    await expect(parseText(gitleaksParser, JSON.stringify({ RuleID: "x" }))).rejects.toThrow("expected a list of leaks");
    await expect(parseText(gitleaksParser, JSON.stringify([{ File: "a", Secret: "s" }]))).rejects.toThrow("a leak without a rule");
  });
});
