import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectParser, scanParsers } from "@/lib/ingest/scan-formats";
import { scanSourceFromPath, scanSourceFromBytes } from "@/lib/ingest/scan-source";
import { sniffScan } from "@/lib/ingest/sniff";

// Detection across every parser at once: each real fixture is claimed by the parser of its
// format and by no other, whatever the registry's order.

const root = "tests/fixtures/scans";
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return name === "README.md" || name === "EXPECTED.json" ? [] : [full];
  });

const expected = JSON.parse(readFileSync(path.join(root, "EXPECTED.json"), "utf8")) as { file: string; parser: string }[];
const dojoToFormat: Record<string, string> = {
  sarif: "sarif", bandit: "bandit", trivy: "trivy", npm_audit_7_plus: "npm-audit", pip_audit: "pip-audit", gitleaks: "gitleaks", semgrep: "semgrep",
  sonarqube: "sonarqube", cargo_audit: "cargo-audit", osv_scanner: "osv-scanner", anchore_grype: "grype", zap: "zap", checkov: "checkov",
  cyclonedx: "cyclonedx", snyk: "snyk", dependency_check: "dependency-check", gosec: "gosec", eslint: "eslint", yarn_audit: "yarn-audit",
  hadolint: "hadolint", tfsec: "tfsec", kics: "kics", nuclei: "nuclei", retirejs: "retire-js",
};
const metricFormats: Record<string, string> = {
  "vitest-junit.xml": "junit", "node-test-junit.xml": "junit", "c8-lcov.info": "lcov", "c8-cobertura-coverage.xml": "cobertura",
  "c8-coverage-summary.json": "istanbul", "k6-summary-export.json": "k6", "k6-handle-summary.json": "k6",
};
// No content can tell these apart: a bare `null` or `[]` is what several tools write for "nothing
// found", and the HTML pages and the zip are not machine formats (415 at upload; see the parsers' tests).
const unclaimable: Record<string, string> = {
  "gitleaks/no_findings.json": "null", "trivy/legacy_no_vuln.json": "null", "pip_audit/empty.json": "[]",
  "sonarqube/sonar-6-findings.html": "HTML", "sonarqube/sonar-rule-undefined.html": "HTML", "sonarqube/empty_zip.zip": "zip",
};

function formatOf(file: string): string | null {
  const relative = path.relative(root, file);
  if (unclaimable[relative]) return null;
  if (relative.startsWith("metrics/")) return metricFormats[path.basename(file)]!;
  if (relative === "snyk/snykcode_issue_9270.json") return "sarif";
  return dojoToFormat[expected.find((e) => e.file === relative)!.parser]!;
}

describe("scan format detection", () => {
  it.each(files(root).map((f) => [path.relative(root, f), f]))("%s is claimed by exactly its parser", async (_name, file) => {
    const sniff = await sniffScan(await scanSourceFromPath(file));
    const claiming = scanParsers.filter((p) => p.detect(sniff)).map((p) => p.format);
    const format = formatOf(file);
    expect(claiming).toEqual(format ? [format] : []);
    expect(detectParser(sniff)?.format ?? null).toBe(format);
  });

  it.each([
    ["Markdown", "# Readiness\n\n- [ ] ship it"],
    ["an empty object", "{}"],
    ["an empty array", "[]"],
    ["plain text", "hello world"],
    ["HTML", "<!DOCTYPE html><html><body>scan</body></html>"],
    ["unrelated JSON", '{"name": "my-app", "version": "1.0.0", "dependencies": {}}'],
    ["unrelated XML", '<?xml version="1.0"?><project><modelVersion>4.0.0</modelVersion></project>'],
  ])("claims nothing for %s", async (_name, text) => {
    expect(detectParser(await sniffScan(scanSourceFromBytes("x", text)))).toBeNull();
  });

  it("has one parser per format id", () => {
    expect(new Set(scanParsers.map((p) => p.format)).size).toBe(scanParsers.length);
    expect(scanParsers.length).toBeGreaterThanOrEqual(29);
  });
});
