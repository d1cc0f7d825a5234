import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase, clusterDir } from "@/lib/db/embedded";

export type DatabaseHandle = { url: string; embedded: boolean; stop: () => Promise<void> };

export const defaultDataDir = () => path.resolve(process.env.READYBOARD_DATA_DIR ?? ".data");

/** Port of an embedded cluster already running on this data folder, if any. */
function runningEmbeddedPort(dataDir: string): number | undefined {
  const pidFile = path.join(clusterDir(path.join(dataDir, "postgres")), "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined;
  }
  return Number(port) || undefined;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under the data folder, joining the
 * one `npm start` already runs or starting it for the duration of the command.
 */
export async function openDatabase(log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dataDir = defaultDataDir();
  const port = runningEmbeddedPort(dataDir);
  if (port) {
    const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
    const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/readyboard`;
    return { url, embedded: true, stop: async () => {} };
  }
  const db = await startEmbeddedDatabase({ dataDir, log });
  return { url: db.url, embedded: true, stop: db.stop };
}
