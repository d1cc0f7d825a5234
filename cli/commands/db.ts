import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliUsageError, parseOptions, type CliCommand } from "@/cli/command";
import { openDatabase } from "@/lib/db/connect";
import { applyMigrations, diffSchema, migrationsDir, schemaPath, snapshotPath } from "@/lib/db/migrate";
import { waitForShutdown } from "@/cli/shutdown";

const db: CliCommand = async (argv) => {
  const { positionals } = parseOptions(argv, {});
  const [sub, name] = positionals;
  if (sub === "start") return start();
  if (sub === "migrate") return migrate();
  if (sub === "diff") return diff(name);
  throw new CliUsageError('expected "start", "migrate" or "diff <name>"');
};

async function start() {
  const handle = await openDatabase((line) => console.error(line));
  await applyMigrations(handle.url);
  console.log(`PostgreSQL is running. DATABASE_URL=${handle.url}`);
  console.log("Press Ctrl+C to stop.");
  await waitForShutdown();
  await handle.stop();
}

async function migrate() {
  const handle = await openDatabase((line) => console.error(line));
  try {
    const applied = await applyMigrations(handle.url);
    console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
  } finally {
    await handle.stop();
  }
}

// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the committed snapshot of the
// last migrated schema to schema.prisma, then moves the snapshot forward.
async function diff(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new CliUsageError("give the migration a name of a-z, 0-9 and _");
  const handle = await openDatabase((line) => console.error(line));
  let sql: string;
  try {
    sql = await diffSchema(handle.url);
  } finally {
    await handle.stop();
  }
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma matches the last migration; nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  await writeFile(snapshotPath, await readFile(schemaPath, "utf8"));
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

export default db;
