import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseOptions, type CliCommand } from "@/cli/command";
import { openDatabase, defaultDataDir } from "@/lib/db/connect";
import { applyMigrations } from "@/lib/db/migrate";
import { waitForShutdown } from "@/cli/shutdown";
import { env } from "@/lib/env";

// `npm start`: database (embedded unless DATABASE_URL), migrations, first admin, demo data,
// a build when none exists, then `next start`; SIGINT/SIGTERM stop the app, then the database.

const nextBin = path.resolve("node_modules/next/dist/bin/next");

function authSecret(dataDir: string): string {
  if (env().NEXTAUTH_SECRET) return env().NEXTAUTH_SECRET!;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

function run(args: string[], extraEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env: { ...process.env, ...extraEnv } });
}

// Ctrl+C reaches the whole process group, so a child may be gone before we ask it to stop.
const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode ?? 1)
    : new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));

async function waitForHealth(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

const serve: CliCommand = async (argv) => {
  const { values } = parseOptions(argv, { dev: { type: "boolean" } });
  const port = env().PORT;
  const dataDir = defaultDataDir();
  const log = (line: string) => console.log(`[readyboard] ${line}`);

  const db = await openDatabase(log);
  process.env.DATABASE_URL = db.url;
  try {
    const applied = await applyMigrations(db.url);
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);

    const { ensureAdmin } = await import("@/lib/users/ensure-admin");
    const { seedDemo } = await import("@/lib/seed/seed-demo");
    const { disconnectDb } = await import("@/lib/db");
    const admin = await ensureAdmin({ email: env().READYBOARD_ADMIN_EMAIL, password: env().READYBOARD_ADMIN_PASSWORD });
    if (env().READYBOARD_SEED_DEMO === "1" && (await seedDemo())) log("Seeded five demo projects from the seed reports.");
    await disconnectDb();

    const childEnv = { DATABASE_URL: db.url, NEXTAUTH_SECRET: authSecret(dataDir), PORT: String(port) };
    if (!values.dev && !existsSync(".next/BUILD_ID")) {
      log("No build found; running `next build` (once, about two minutes)…");
      const code = await exited(run(["build"], { ...childEnv, NODE_ENV: "production" }));
      if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
    }
    const app = run([values.dev ? "dev" : "start", "-p", String(port)], childEnv);
    const healthy = await waitForHealth(`http://127.0.0.1:${port}/api/health`, app);
    if (healthy) {
      log(`Readyboard is running at http://localhost:${port}`);
      if (admin) {
        log(`Sign in as ${admin.email}` + (admin.password ? ` with the password ${admin.password}` : " with READYBOARD_ADMIN_PASSWORD"));
        if (admin.password) log("This password is shown only once. Change it or create your own admin with `npx readyboard user create`.");
      }
    }
    const outcome = await Promise.race([exited(app).then((code) => ({ code })), waitForShutdown().then(() => null)]);
    if (outcome === null) {
      log("Stopping…");
      app.kill("SIGTERM");
      await exited(app);
      return 0;
    }
    log(`The app exited with code ${outcome.code}.`);
    return outcome.code || 1;
  } finally {
    await db.stop();
    log("Database stopped.");
  }
};

export default serve;
