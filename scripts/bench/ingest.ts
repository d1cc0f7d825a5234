import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { writeSarif } from "./sarif-generator";

// `npm run bench -- ingest`: a 100,000-result SARIF over 5,000 files and 300 rules into an empty
// project of a fresh embedded PostgreSQL, then the same file again; and, as the floor, the
// time PostgreSQL takes to COPY the rows the import wrote into bare tables of the same shape.
// Targets on the 2-core CI machine: each import ≤ 30 s, peak RSS ≤ 1 GB, ≤ 5× the COPY floor.

const RESULTS = 100_000;

function runImport(file: string, projectId: string, url: string) {
  const out = execFileSync(process.execPath, ["--import", "./bin/register.mjs", "scripts/bench/ingest-import.ts", file, projectId], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { seconds: number; peakRssMb: number; summary: Record<string, number> };
}

/** COPY of exactly the rows the import wrote (findings, sources, locations) into unindexed copies. */
async function copyFloor(client: pg.Client, projectId: string): Promise<{ seconds: number; rows: number }> {
  const tables = [
    { name: "Finding", where: `"projectId" = '${projectId}'` },
    { name: "FindingSource", where: `"projectId" = '${projectId}'` },
    { name: "FindingLocation", where: `"findingId" in (select id from "Finding" where "projectId" = '${projectId}')` },
  ];
  let seconds = 0;
  let rows = 0;
  for (const table of tables) {
    const chunks: Buffer[] = [];
    await pipeline(client.query(copyTo(`copy (select * from "${table.name}" where ${table.where}) to stdout`)), new Writable({ write: (c, _e, done) => (chunks.push(c), done()) }));
    await client.query(`create temporary table "bare_${table.name}" (like "${table.name}" excluding all)`);
    const started = performance.now();
    await pipeline(Readable.from(chunks), client.query(copyFrom(`copy "bare_${table.name}" from stdin`)));
    seconds += (performance.now() - started) / 1000;
    rows += Number((await client.query(`select count(*) from "bare_${table.name}"`)).rows[0].count);
  }
  return { seconds, rows };
}

export default async function run() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "readyboard-bench-"));
  const file = path.join(dir, "codeql-100k.sarif");
  let db: Awaited<ReturnType<typeof startEmbeddedDatabase>> | null = null;
  try {
    const generated = performance.now();
    await writeSarif(file, { results: RESULTS, files: 5_000, rules: 300 });
    console.log(`SARIF: ${RESULTS.toLocaleString("en")} results, 5,000 files, 300 rules, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB (written in ${((performance.now() - generated) / 1000).toFixed(1)} s)`);
    db = await startEmbeddedDatabase({ dataDir: path.join(dir, "pg"), database: "bench" });
    await applyMigrations(db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const projectId = "bench-project";
    await client.query(`insert into "Project" (id, slug, name, "updatedAt") values ($1, 'bench', 'Bench', now())`, [projectId]);
    await client.query(`insert into "Category" (id, "projectId", key, name) values ('bench-security', $1, 'security', 'Security')`, [projectId]);

    const first = runImport(file, projectId, db.url);
    const again = runImport(file, projectId, db.url);
    const floor = await copyFloor(client, projectId);
    await client.end();

    const line = (name: string, r: typeof first) =>
      `${name}: ${r.seconds.toFixed(1)} s, ${Math.round(RESULTS / r.seconds).toLocaleString("en")} findings/s, peak RSS ${Math.round(r.peakRssMb)} MB ` +
      `(created ${r.summary.created}, unchanged ${r.summary.unchanged}, closed ${r.summary.closed}); ${(r.seconds / floor.seconds).toFixed(1)}× the COPY floor`;
    console.log(line("first import", first));
    console.log(line("re-import   ", again));
    console.log(`COPY floor: ${floor.rows.toLocaleString("en")} rows (findings, sources, locations) into bare tables in ${floor.seconds.toFixed(2)} s`);
    console.log("targets: each import ≤ 30 s, peak RSS ≤ 1024 MB, ≤ 5× the COPY floor");
  } finally {
    if (db) {
      await db.stop();
      rmSync(db.dataDir, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
