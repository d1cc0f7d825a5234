import { describe, expect, it } from "vitest";
import { parseText } from "@/lib/ingest/parsers/code-scan-testing";
import { fixturePath, parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { sonarqubeParser } from "@/lib/ingest/parsers/sonarqube";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { scanSourceFromPath } from "@/lib/ingest/scan-source";
import { sniffScan } from "@/lib/ingest/sniff";

const apiIssue = (key: string, more: Record<string, unknown> = {}) => ({
  key,
  rule: "java:S2076",
  severity: "CRITICAL",
  component: "shop:src/main/java/Run.java",
  line: 12,
  message: "Change this code to not construct the OS command from user-controlled data.",
  type: "VULNERABILITY",
  status: "OPEN",
  ...more,
});
const issuesPage = (issues: unknown[]) =>
  JSON.stringify({ total: issues.length, p: 1, ps: 100, paging: { pageIndex: 1, pageSize: 100, total: issues.length }, issues, components: [{ key: "shop:src/main/java/Run.java", qualifier: "FIL", path: "src/main/java/Run.java" }] });

describe("sonarqube", () => {
  it.each([
    ["sonarqube/sonar-no-finding.json", 0],
    ["sonarqube/sonar-6-findings.json", 6],
    ["sonarqube/findings_over_api_hotspots.json", 4],
    ["sonarqube/issue_10150.json", 3],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(sonarqubeParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["sonarqube"]);
    expect(findings).toHaveLength(count);
  });

  // DefectDojo reads sonar-report's HTML (6 and 1 findings) and an empty zip (0). Readyboard
  // refuses them at upload (415): HTML is a page rendered for people, whose layout changes with
  // the tool's template; the JSON export of the same data (sonar-6-findings.json) is supported.
  it.each(["sonarqube/sonar-6-findings.html", "sonarqube/sonar-rule-undefined.html", "sonarqube/empty_zip.zip"])(
    "%s is not detected: not a machine-readable format",
    async (file) => {
      const source = await scanSourceFromPath(fixturePath(file));
      expect(sonarqubeParser.detect(await sniffScan(source))).toBe(false);
      // Forced with --format sonarqube, it is refused as not this format, never half-read.
      await expect(parseFixture(sonarqubeParser, file)).rejects.toBeInstanceOf(ScanShapeError);
    },
  );

  it("maps hotspots' vulnerability probability and sonar-report's severities", async () => {
    const hotspots = await parseFixture(sonarqubeParser, "sonarqube/findings_over_api_hotspots.json");
    expect(hotspots.findings.map((f) => f.severity)).toEqual(["high", "low", "low", "low"]);
    const report = await parseFixture(sonarqubeParser, "sonarqube/issue_10150.json");
    expect(report.findings.map((f) => f.severity)).toEqual(["high", "high", "medium"]);
    // Sonar's legacy CRITICAL is its impact scale's HIGH, one below BLOCKER; MINOR is LOW.
    const legacy = await parseFixture(sonarqubeParser, "sonarqube/sonar-6-findings.json");
    expect(legacy.findings.map((f) => f.severity)).toEqual(["high", "low", "low", "low", "low", "low"]);
  });

  it("resolves component keys to paths and links sonar-report findings back to SonarQube", async () => {
    const hotspots = await parseFixture(sonarqubeParser, "sonarqube/findings_over_api_hotspots.json");
    expect(hotspots.findings.map((f) => f.locations)).toEqual([
      [{ file: "src/app/component.asdf", line: 47 }],
      [{ file: "src/app/2389479284379021-footer.component.html", line: 5 }],
      [{ file: "src/app/2389479284379021-footer.component.html", line: 8 }],
      [{ file: "src/path/to//1231235/ccommp.html", line: 3 }],
    ]);
    expect(hotspots.findings[0]).toMatchObject({ kind: "vulnerability", category: "security", ruleId: "typescript:7777" });
    const report = await parseFixture(sonarqubeParser, "sonarqube/sonar-6-findings.json");
    expect(report.findings[0]).toMatchObject({ ruleId: "python:S4502", cwe: "CWE-352", locations: [{ file: "vulnerable-flask-app.py", line: 8 }] });
    expect(report.findings[0]!.references).toEqual(["https://sonar.192-168-38-31.nip.io/security_hotspots?id=vulnerable-flask-app&hotspots=AYvNd32RyD1npIoQXyT1"]);
  });

  it("reads the issues API: type, impacts and the issue key as fingerprint", async () => {
    const { detected, findings } = await parseText(
      sonarqubeParser,
      issuesPage([
        apiIssue("AX1"),
        apiIssue("AX2", { type: "CODE_SMELL", severity: "MAJOR", rule: "java:S1481" }),
        apiIssue("AX3", { type: "BUG", severity: "MINOR", impacts: [{ softwareQuality: "RELIABILITY", severity: "HIGH" }] }),
        apiIssue("AX4", { severity: "BLOCKER" }),
      ]),
    );
    expect(detected).toBe(true);
    expect(findings.map((f) => [f.severity, f.kind, f.category])).toEqual([
      ["high", "vulnerability", "security"],
      ["medium", "quality", "implementation"],
      ["high", "quality", "implementation"],
      ["critical", "vulnerability", "security"],
    ]);
    expect(findings[0]!.locations).toEqual([{ file: "src/main/java/Run.java", line: 12 }]);
  });

  it("keeps an issue's fingerprint (its key) when the code above it moves", async () => {
    const before = await parseText(sonarqubeParser, issuesPage([apiIssue("AX1", { line: 12 })]));
    const after = await parseText(sonarqubeParser, issuesPage([apiIssue("AX1", { line: 40 })]));
    expect(before.findings[0]!.fingerprint).toBe(after.findings[0]!.fingerprint);
  });

  it("leaves out issues fixed, closed or marked false positive, and hotspots reviewed safe", async () => {
    const { findings } = await parseText(
      sonarqubeParser,
      issuesPage([
        apiIssue("open"),
        apiIssue("fixed", { status: "RESOLVED", resolution: "FIXED" }),
        apiIssue("fp", { status: "RESOLVED", resolution: "FALSE-POSITIVE" }),
        apiIssue("closed", { status: "CLOSED" }),
        apiIssue("accepted", { status: "RESOLVED", resolution: "WONTFIX" }),
      ]),
    );
    // An accepted risk is still a risk; Readyboard shows it.
    expect(findings).toHaveLength(2);
    const hotspots = await parseText(sonarqubeParser, JSON.stringify({ paging: { pageIndex: 1, pageSize: 100 }, hotspots: [{ key: "h", status: "REVIEWED", resolution: "SAFE", vulnerabilityProbability: "HIGH" }] }));
    expect(hotspots.findings).toEqual([]);
  });
});
