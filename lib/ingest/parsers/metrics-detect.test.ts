import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coberturaParser } from "@/lib/ingest/parsers/cobertura";
import { istanbulParser } from "@/lib/ingest/parsers/istanbul";
import { junitParser } from "@/lib/ingest/parsers/junit";
import { k6Parser } from "@/lib/ingest/parsers/k6";
import { lcovParser } from "@/lib/ingest/parsers/lcov";
import { fixturePath } from "@/lib/ingest/parsers/parse-fixture";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes, scanSourceFromPath } from "@/lib/ingest/scan-source";
import { sniffScan } from "@/lib/ingest/sniff";
import type { ScanParser } from "@/lib/ingest/scan-types";

// The metric parsers (test results, coverage, load tests) against every scan fixture: each must
// claim exactly its own files, and survive its own files damaged at random.

const parsers = [junitParser, coberturaParser, lcovParser, istanbulParser, k6Parser];

/** Which parser owns each file in metrics/; every other fixture belongs to none of them. */
const owners: Record<string, ScanParser> = {
  "metrics/vitest-junit.xml": junitParser,
  "metrics/node-test-junit.xml": junitParser,
  "metrics/c8-cobertura-coverage.xml": coberturaParser,
  "metrics/c8-lcov.info": lcovParser,
  "metrics/c8-coverage-summary.json": istanbulParser,
  "metrics/k6-summary-export.json": k6Parser,
  "metrics/k6-handle-summary.json": k6Parser,
};

function fixtureFiles(dir = ""): string[] {
  return readdirSync(fixturePath(dir), { withFileTypes: true }).flatMap((entry) => {
    const name = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return fixtureFiles(name);
    return entry.name === "README.md" || entry.name === "EXPECTED.json" ? [] : [name];
  });
}

const claimants = async (sniffed: Awaited<ReturnType<typeof sniffScan>>) => parsers.filter((p) => p.detect(sniffed)).map((p) => p.format);

describe("metric parsers' detection", () => {
  const files = fixtureFiles();

  it("sees every fixture of the metrics folder and DefectDojo's 97", () => {
    expect(Object.keys(owners).every((file) => files.includes(file))).toBe(true);
    expect(files.filter((file) => !file.startsWith("metrics/")).length).toBeGreaterThanOrEqual(97);
  });

  it.each(files)("%s is claimed only by its own parser", async (file) => {
    const sniffed = await sniffScan(await scanSourceFromPath(fixturePath(file)));
    expect(await claimants(sniffed)).toEqual(owners[file] ? [owners[file]!.format] : []);
  });

  it.each([
    ["Markdown", "# Coverage report\n\nSF: means source file in lcov, and end_of_record ends one.\n\n| total | 85% |\n"],
    ["empty", ""],
    ["random text", "q8#Lm2 vZ0!x\n\u0000\u00ff garbage <coverage line-rate"],
    ["HTML", "<!DOCTYPE html><html><body><h1>testsuites</h1></body></html>"],
    ["other JSON", JSON.stringify({ total: 3, metrics: { count: 1 }, lines: { pct: 5 } })],
  ])("%s is claimed by none", async (_, text) => {
    expect(await claimants(await sniffScan(scanSourceFromBytes("file", text)))).toEqual([]);
  });
});

describe("metric parsers on damaged files", () => {
  const fixtures = Object.entries(owners).map(([file, parser]) => ({ file, parser, bytes: new Uint8Array(readFileSync(fixturePath(file))) }));

  /** Parses to the end; only the two scan errors may stop it. */
  async function survives(parser: ScanParser, bytes: Uint8Array) {
    try {
      for await (const record of parser.parse(scanSourceFromBytes("damaged", bytes))) void record;
    } catch (error) {
      if (!(error instanceof ScanSyntaxError || error instanceof ScanShapeError)) throw error;
    }
  }

  it("parse or throw ScanSyntaxError/ScanShapeError when cut short or with a byte replaced", async () => {
    const damage = fc.record({
      fixture: fc.constantFrom(...fixtures),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      byte: fc.integer({ min: 0, max: 255 }),
      truncate: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ fixture, cut, at, byte, truncate }) => {
        const { bytes, parser } = fixture;
        if (truncate) return survives(parser, bytes.slice(0, Math.floor(cut * bytes.length)));
        const changed = bytes.slice();
        changed[Math.min(bytes.length - 1, Math.floor(at * bytes.length))] = byte;
        return survives(parser, changed);
      }),
      { numRuns: 100 },
    );
  });
});
