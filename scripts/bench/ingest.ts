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

/**
 * What PostgreSQL alone needs for the import's writes into the real tables, with their indexes
 * and foreign keys: the rows copied to a second project by INSERT … SELECT, then their last-seen
 * times updated as a re-import does, in a transaction that is rolled back.
 */
async function sqlFloor(client: pg.Client, projectId: string): Promise<{ insert: number; update: number }> {
  const columns = (await client.query(`select column_name from information_schema.columns where table_name = 'Finding' order by ordinal_position`)).rows.map((r) => `"${r.column_name}"`);
  const select = columns.map((c) => (c === '"id"' ? "'x' || id" : c === '"projectId"' ? "'bench-copy'" : c)).join(", ");
  await client.query("begin");
  try {
    await client.query(`insert into "Project" (id, slug, name, "updatedAt") values ('bench-copy', 'bench-copy', 'Copy', now())`);
    const started = performance.now();
    await client.query(`insert into "Finding" (${columns.join(", ")}) select ${select} from "Finding" where "projectId" = $1`, [projectId]);
    await client.query(`insert into "FindingSource" ("projectId", "findingId", tool, branch, fingerprint, "ruleId", present, "firstScanId", "lastScanId", "firstSeenAt", "lastSeenAt")
      select 'bench-copy', 'x' || "findingId", tool, branch, fingerprint, "ruleId", present, null, null, "firstSeenAt", "lastSeenAt" from "FindingSource" where "projectId" = $1`, [projectId]);
    await client.query(`insert into "FindingLocation" (id, "findingId", file, line) select 'x' || l.id, 'x' || l."findingId", l.file, l.line
      from "FindingLocation" l join "Finding" f on f.id = l."findingId" where f."projectId" = $1`, [projectId]);
    const inserted = performance.now();
    await client.query(`update "Finding" set "lastSeenAt" = now() where "projectId" = 'bench-copy'`);
    await client.query(`update "FindingSource" set "lastSeenAt" = now(), present = true where "projectId" = 'bench-copy'`);
    return { insert: (inserted - started) / 1000, update: (performance.now() - inserted) / 1000 };
  } finally {
    await client.query("rollback");
  }
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
    const sql = await sqlFloor(client, projectId);
    await client.end();

    const line = (name: string, r: typeof first) =>
      `${name}: ${r.seconds.toFixed(1)} s, ${Math.round(RESULTS / r.seconds).toLocaleString("en")} findings/s, peak RSS ${Math.round(r.peakRssMb)} MB ` +
      `(created ${r.summary.created}, unchanged ${r.summary.unchanged}, closed ${r.summary.closed}); ${(r.seconds / floor.seconds).toFixed(1)}× the COPY floor`;
    console.log(line("first import", first));
    console.log(line("re-import   ", again));
    console.log(`COPY floor: ${floor.rows.toLocaleString("en")} rows (findings, sources, locations) into bare tables in ${floor.seconds.toFixed(2)} s`);
    console.log(`SQL floor: the same rows inserted by SQL alone into the real tables (indexes, foreign keys) in ${sql.insert.toFixed(1)} s; updating their last-seen times in ${sql.update.toFixed(1)} s`);
    console.log("targets: each import ≤ 30 s, peak RSS ≤ 1024 MB, ≤ 5× the COPY floor");
  } finally {
    if (db) {
      await db.stop();
      rmSync(db.dataDir, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
