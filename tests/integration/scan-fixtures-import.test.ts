import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { importScan } from "@/lib/ingest/import-scan";
import { parseScan } from "@/lib/ingest/parse-scan";
import { scanSourceFromPath } from "@/lib/ingest/scan-source";
import { detectParser } from "@/lib/ingest/scan-formats";
import { sniffScan } from "@/lib/ingest/sniff";
import { makeProject } from "@/tests/support/fixtures";

// Every real scan file Readyboard recognises goes into the database as it parses: whatever a
// tool writes (NUL characters, long texts, odd severities) is stored, and importing it again
// changes nothing.

const root = "tests/fixtures/scans";
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(json|sarif|xml|info)$/.test(name) && name !== "EXPECTED.json" ? [full] : [];
  });

describe("importing every real scan fixture", () => {
  it.each(files(root).map((f) => [path.relative(root, f), f]))("%s", async (_name, file) => {
    const source = await scanSourceFromPath(file);
    if (!detectParser(await sniffScan(source))) return; // the formats' own tests say why these are not claimed
    const project = await makeProject();
    const parsed = await parseScan(source);
    const first = await importScan(cliActor, project.id, { source, sha256: "f".repeat(64) });
    expect(first).toMatchObject({ format: parsed.format, metrics: parsed.metrics.length, created: first.findings, unchanged: 0 });
    expect(await getDb().finding.count({ where: { projectId: project.id } })).toBe(first.findings);
    const again = await importScan(cliActor, project.id, { source, sha256: "f".repeat(64) });
    expect(again).toMatchObject({ created: 0, reopened: 0, closed: 0, unchanged: first.findings });
  });
});
