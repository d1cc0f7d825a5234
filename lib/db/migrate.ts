import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

// Migrations run through Prisma's WebAssembly schema engine: the native engine the CLI
// wants to download is not reachable everywhere Readyboard runs. The folders it reads are the
// standard prisma/migrations layout, so `prisma migrate deploy` works on the same history.

const require = createRequire(import.meta.url);
export const migrationsDir = path.resolve(process.cwd(), "prisma/migrations");
export const schemaPath = path.resolve(process.cwd(), "prisma/schema.prisma");
export const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<Bindings> | undefined;

// Node 20 cannot import .wasm modules without a flag, so instantiate the engine by hand.
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const bg: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return bindings;
}

async function withEngine<T>(connectionString: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadBindings();
  // Our own pool, so every client it opens can be ended when the work is done.
  const pool = new pg.Pool({ connectionString, max: 2 });
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const schema = await readFile(schemaPath, "utf8");
  // The engine arms a timer it never clears; track what it sets so the process can exit.
  const timers = new Set<NodeJS.Timeout>();
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = ((fn: () => void, ms?: number) => {
    const t = realSetTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
    return t;
  }) as typeof setTimeout;
  try {
    const engine = await bg.SchemaEngine.new(
      { datamodels: [[schemaPath, schema]] },
      (log: string) => void log,
      factory,
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    globalThis.setTimeout = realSetTimeout;
    for (const t of timers) clearTimeout(t);
    await pool.end();
  }
}

export async function listMigrations(): Promise<MigrationList> {
  const entries = await readdir(migrationsDir).catch(() => [] as string[]);
  const dirs: string[] = [];
  for (const entry of entries.sort()) {
    if ((await stat(path.join(migrationsDir, entry))).isDirectory()) dirs.push(entry);
  }
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lock = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** Applies every committed migration not yet in `_prisma_migrations`; returns their names. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const migrationsList = await listMigrations();
  return withEngine(connectionString, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes the last migrated schema (the committed snapshot) to schema.prisma. */
export async function diffSchema(connectionString: string): Promise<string> {
  const from = await readFile(snapshotPath, "utf8").catch(() => null);
  const to = await readFile(schemaPath, "utf8");
  return withEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: snapshotPath, content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: to }] },
      script: true,
      exitCode: false,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  });
}
