import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

// A fresh real PostgreSQL for every integration run: a new embedded cluster in a temporary
// folder, migrated with the committed migrations, removed afterwards. It never touches a
// DATABASE_URL from the environment, so tests cannot run against a shared database.
export default async function setup(project: TestProject) {
  const dataDir = path.join(os.tmpdir(), `readyboard-test-${randomBytes(6).toString("hex")}`);
  const db = await startEmbeddedDatabase({ dataDir, database: "readyboard_test" });
  await applyMigrations(db.url);
  process.env.DATABASE_URL = db.url;
  process.env.READYBOARD_DATA_DIR = dataDir;
  project.provide("databaseUrl", db.url);
  return async () => {
    await db.stop();
    rmSync(db.dataDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
