import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { freePort, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDashboard } from "./dashboard-seed";

// `npm run bench -- dashboard`: 200 projects × 2,000 findings (400,000) with a year of
// snapshots in a fresh embedded PostgreSQL, `next start` on it, then autocannon (20 connections,
// 30 s each, loopback) on the maturity API, a project overview and the portfolio, signed in.
// Targets on the 2-core CI machine: maturity API p95 ≤ 50 ms, pages p95 ≤ 300 ms, no errors.

const PROJECTS = 200;
const SECONDS = 30;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function load(name: string, baseURL: string, cookie: string, pathFor: () => string) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseURL,
        connections: 20,
        duration: SECONDS,
        headers: { cookie },
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: pathFor() }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(`${name.padEnd(16)} ${result.requests.total} requests, ${Math.round(result.requests.average)}/s; p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms; errors ${errors}`);
}

async function signIn(baseURL: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c!.includes("session-token"));
  if (!session) throw new Error(`sign-in failed: ${response.status}`);
  return `${jar}; ${session}`;
}

type Seed = (client: pg.Client) => Promise<void>;

const dashboardSeed: Seed = (client) => seedDashboard(client, { projects: PROJECTS, findingsPerProject: 2_000, days: 365 });

/** A seeded database (the dashboard's unless told) and `next start` on it, signed in as a lead; `stop` tears both down. */
export async function startDashboardStack(seed: Seed = dashboardSeed) {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("Building the app first (next build)…");
    if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }
  const dataDir = path.join(os.tmpdir(), `readyboard-bench-dashboard-${randomBytes(4).toString("hex")}`);
  const db = await startEmbeddedDatabase({ dataDir, database: "bench" });
  let app: ReturnType<typeof spawn> | null = null;
  const stop = async () => {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app!.once("exit", r));
    }
    await db.stop();
    rmSync(db.dataDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await applyMigrations(db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const seeded = performance.now();
    await seed(client);
    const counts = (await client.query(`select (select count(*) from "Finding") as findings, (select count(*) from "Snapshot") as snapshots`)).rows[0];
    await client.end();

    process.env.DATABASE_URL = db.url;
    const { createUser } = await import("@/lib/users/create-user");
    const { cliActor } = await import("@/lib/audit/record-audit");
    const { disconnectDb, getDb } = await import("@/lib/db");
    const { takeSnapshot } = await import("@/lib/maturity/take-snapshot");
    // What the app keeps for every project: today's snapshot and readiness, as after any change.
    for (const { id } of await getDb().project.findMany({ select: { id: true } })) await takeSnapshot(id);
    console.log(`seeded ${counts.findings} findings and ${counts.snapshots} snapshots, and each project's readiness, in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const { user, generatedPassword } = await createUser(cliActor, { email: "bench@example.test", role: "lead" });
    await disconnectDb();

    const port = await freePort();
    const baseURL = `http://127.0.0.1:${port}`;
    const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
    app = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: db.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseURL, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" },
    });
    for (let i = 0; i < 300 && !(await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
    const cookie = await signIn(baseURL, user.email, generatedPassword!);
    return { baseURL, cookie, stop, databaseUrl: db.url };
  } catch (error) {
    await stop();
    throw error;
  }
}

const randomProject = () => `bench-${String(1 + Math.floor(Math.random() * PROJECTS)).padStart(3, "0")}`;

export default async function run() {
  const { baseURL, cookie, stop } = await startDashboardStack();
  try {
    // One pass each to warm caches and compile routes; the figures come after.
    for (const url of [`/api/v1/projects/bench-001/maturity`, `/projects/bench-001`, `/`]) await fetch(`${baseURL}${url}`, { headers: { cookie } });
    await load("maturity API", baseURL, cookie, () => `/api/v1/projects/${randomProject()}/maturity`);
    await load("project overview", baseURL, cookie, () => `/projects/${randomProject()}`);
    await load("portfolio", baseURL, cookie, () => "/");
    console.log("targets: maturity API p95 ≤ 50 ms, pages p95 ≤ 300 ms, no errors");
  } finally {
    await stop();
  }
}
