import { describe, expect, it } from "vitest";
import { banditParser } from "@/lib/ingest/parsers/bandit";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";

describe("bandit", () => {
  it.each([
    ["bandit/no_vuln.json", 0],
    ["bandit/many_vulns.json", 214],
    ["bandit/dd2.json", 165],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(banditParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["bandit"]);
    expect(findings).toHaveLength(count);
  });

  it("maps severity, rule, location and CWE", async () => {
    const { findings } = await parseFixture(banditParser, "bandit/dd2.json");
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    expect({ low: count("low"), medium: count("medium"), high: count("high") }).toEqual({ low: 23, medium: 142, high: 0 });
    expect(findings[0]).toMatchObject({ tool: "bandit", kind: "vulnerability", category: "security", locations: [{ file: expect.stringMatching(/\.py$/), line: expect.any(Number) }] });
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBeGreaterThan(1);
  });

  it("keeps a finding's fingerprint when the code above it moves", async () => {
    const result = (line: number) => ({ test_id: "B110", test_name: "try_except_pass", issue_text: "Try, Except, Pass detected.", issue_severity: "LOW", filename: "app/views.py", line_number: line, code: `${line - 1} try:\n${line}     pass\n` });
    const prints = [];
    for (const line of [26, 40]) {
      const source = scanSourceFromBytes("b.json", JSON.stringify({ generated_at: "x", results: [result(line)] }));
      for await (const r of banditParser.parse(source)) if (r.type === "finding") prints.push(r.finding.fingerprint);
    }
    expect(prints[0]).toBe(prints[1]);
  });
});
