import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeParsers } from "@/lib/ingest/parsers/code-scan-testing";
import { scanSourceFromBytes, scanSourceFromPath } from "@/lib/ingest/scan-source";
import { sniffScan } from "@/lib/ingest/sniff";

// Each code, secret, IaC and DAST parser recognises its own fixtures by content and no other
// file among all the scan fixtures: detection never looks at names.

const root = "tests/fixtures/scans";

/** Fixtures in a parser's folder that no parser should claim, and why. */
const unclaimed: Record<string, string> = {
  // Byte for byte trivy/legacy_no_vuln.json: a bare `null` names no tool.
  "gitleaks/no_findings.json": "null",
  // sonar-report's HTML pages and an empty zip: not machine formats, refused at upload (415).
  "sonarqube/sonar-6-findings.html": "HTML",
  "sonarqube/sonar-rule-undefined.html": "HTML",
  "sonarqube/empty_zip.zip": "zip",
};

async function fixtureFiles(dir = ""): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const name = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) return fixtureFiles(name);
      return entry.name === "README.md" || entry.name === "EXPECTED.json" ? [] : [name];
    }),
  );
  return files.flat().sort();
}

const claims = async (source: Parameters<typeof sniffScan>[0]) => {
  const sniff = await sniffScan(source);
  return codeParsers.filter((p) => p.detect(sniff)).map((p) => p.format);
};

describe("code, secret, IaC and DAST detection", () => {
  it("claims exactly its own fixtures among all scan fixtures", async () => {
    const files = await fixtureFiles();
    expect(files.length).toBeGreaterThanOrEqual(97);
    const formats = new Set(codeParsers.map((p) => p.format));
    const wrong: string[] = [];
    for (const file of files) {
      const folder = file.split("/")[0]!;
      const expected = formats.has(folder) && !(file in unclaimed) ? [folder] : [];
      const got = await claims(await scanSourceFromPath(path.join(root, file)));
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${file}: expected [${expected}], got [${got}]`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ["Markdown", "# Release notes\n\n- fixed the results page\n- `issues` are listed\n"],
    ["an empty file", ""],
    ["random text", "k3j4h5 results: [] Issues queries template-id"],
    ["an empty JSON list", "[]"],
    ["an empty JSON object", "{}"],
    ["a bare null", "null"],
    ["osv-scanner's empty report", '{"results": []}'],
    ["a generic results list", '{"results": [{"id": 1, "name": "x"}]}'],
  ])("claims nothing for %s", async (_, text) => {
    expect(await claims(scanSourceFromBytes("report.json", text))).toEqual([]);
  });
});
