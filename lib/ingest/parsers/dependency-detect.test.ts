import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cargoAuditParser } from "@/lib/ingest/parsers/cargo-audit";
import { cyclonedxParser } from "@/lib/ingest/parsers/cyclonedx";
import { dependencyCheckParser } from "@/lib/ingest/parsers/dependency-check";
import { grypeParser } from "@/lib/ingest/parsers/grype";
import { npmAuditParser } from "@/lib/ingest/parsers/npm-audit";
import { osvScannerParser } from "@/lib/ingest/parsers/osv-scanner";
import { fixturePath } from "@/lib/ingest/parsers/parse-fixture";
import { pipAuditParser } from "@/lib/ingest/parsers/pip-audit";
import { retireJsParser } from "@/lib/ingest/parsers/retire-js";
import { snykParser } from "@/lib/ingest/parsers/snyk";
import { trivyParser } from "@/lib/ingest/parsers/trivy";
import { yarnAuditParser } from "@/lib/ingest/parsers/yarn-audit";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes, scanSourceFromPath } from "@/lib/ingest/scan-source";
import type { ScanParser } from "@/lib/ingest/scan-types";
import { sniffScan } from "@/lib/ingest/sniff";

// The dependency and container scanners' detection, over every fixture of every format, and
// their robustness against damaged files.

const family: { parser: ScanParser; folder: string }[] = [
  { parser: trivyParser, folder: "trivy" },
  { parser: grypeParser, folder: "anchore_grype" },
  { parser: npmAuditParser, folder: "npm_audit_7_plus" },
  { parser: yarnAuditParser, folder: "yarn_audit" },
  { parser: pipAuditParser, folder: "pip_audit" },
  { parser: cargoAuditParser, folder: "cargo_audit" },
  { parser: osvScannerParser, folder: "osv_scanner" },
  { parser: snykParser, folder: "snyk" },
  { parser: dependencyCheckParser, folder: "dependency_check" },
  { parser: cyclonedxParser, folder: "cyclonedx" },
  { parser: retireJsParser, folder: "retirejs" },
];

/**
 * Files whose content names no tool, so no parser may claim them by content (each parser still
 * reads them when the format is chosen; their own tests check that):
 * - trivy/legacy_no_vuln.json is the bare `null` old Trivy writes for an empty scan, the same
 *   bytes as gitleaks/no_findings.json;
 * - pip_audit/empty.json is an empty array, what eslint, hadolint, gitleaks 8 and old retire.js
 *   also write when they find nothing.
 * Snyk Code's SARIF (snyk/snykcode_issue_9270.json) belongs to the SARIF parser.
 */
const notByContent = new Set(["trivy/legacy_no_vuln.json", "pip_audit/empty.json", "snyk/snykcode_issue_9270.json"]);

async function fixtureFiles(dir = fixturePath("")): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat().filter((f) => !/(README\.md|EXPECTED\.json)$/.test(f));
}

const relative = (file: string) => path.relative(fixturePath(""), file).split(path.sep).join("/");

describe("dependency scanners' detection", () => {
  it("claims exactly its own fixtures among all of them", async () => {
    const files = await fixtureFiles();
    expect(files.length).toBeGreaterThanOrEqual(97);
    const wrong: string[] = [];
    for (const file of files) {
      const name = relative(file);
      const sniff = await sniffScan(await scanSourceFromPath(file));
      for (const { parser, folder } of family) {
        const own = name.startsWith(`${folder}/`) && !notByContent.has(name);
        if (parser.detect(sniff) !== own) wrong.push(`${parser.format} ${own ? "misses" : "claims"} ${name}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ["Markdown", "# Release notes\n\n- fixed a bug\n"],
    ["empty", ""],
    ["random text", "lorem ipsum dolor sit amet 12345 {not json"],
    ["an unrelated JSON object", '{"name": "x", "results": [], "data": [], "matches": []}'],
    ["an unrelated XML document", '<?xml version="1.0"?><analysis><dependencies/></analysis>'],
  ])("claims no %s", async (_, content) => {
    const sniff = await sniffScan(scanSourceFromBytes("x", content));
    expect(family.filter(({ parser }) => parser.detect(sniff)).map(({ parser }) => parser.format)).toEqual([]);
  });
});

describe("dependency scanners' robustness", () => {
  it("either parse a damaged fixture or say why it cannot", async () => {
    const fixtures = await Promise.all(
      family.map(async ({ parser, folder }) => {
        const files = await readdir(fixturePath(folder));
        return Promise.all(files.map(async (f) => ({ parser, name: `${folder}/${f}`, bytes: new Uint8Array(await readFile(fixturePath(`${folder}/${f}`))) })));
      }),
    );
    // The 1.8 MB Dependency-Check report takes a second a run; the others cover its code.
    const cases = fixtures.flat().filter((c) => c.bytes.length < 600_000);
    const damage = fc.record({ cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })), at: fc.option(fc.double({ min: 0, max: 1, noNaN: true })), byte: fc.integer({ min: 0, max: 255 }) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), damage, async (c, { cut, at, byte }) => {
        const bytes = c.bytes.slice(0, cut === null ? c.bytes.length : Math.floor(cut * c.bytes.length));
        if (at !== null && bytes.length) bytes[Math.floor(at * (bytes.length - 1))] = byte;
        try {
          for await (const record of c.parser.parse(scanSourceFromBytes(c.name, bytes))) void record;
        } catch (error) {
          if (!(error instanceof ScanSyntaxError || error instanceof ScanShapeError)) throw new Error(`${c.name}: ${String(error)}`, { cause: error });
        }
      }),
      { numRuns: 110 },
    );
  }, 60_000);
});
