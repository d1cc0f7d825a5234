import { parseArgs, type ParseArgsConfig } from "node:util";
import { openDatabase } from "@/lib/db/connect";
import { disconnectDb } from "@/lib/db";

/** A CLI command: arguments in, exit code out (undefined means 0). */
export type CliCommand = (argv: string[]) => Promise<number | void>;

export class CliUsageError extends Error {}

export function parseOptions<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Runs work against the database: DATABASE_URL, or the embedded one (joined when the app
 * already runs it, else started for this command and stopped after). Migrations are applied
 * first so a fresh data folder works.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  const handle = await openDatabase((line) => console.error(line));
  process.env.DATABASE_URL = handle.url;
  try {
    const { applyMigrations } = await import("@/lib/db/migrate");
    await applyMigrations(handle.url);
    return await work();
  } finally {
    await disconnectDb();
    await handle.stop();
    if (handle.embedded) delete process.env.DATABASE_URL;
  }
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
