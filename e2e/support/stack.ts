// Starts what the browser tests run against: a fresh embedded PostgreSQL in a temporary folder,
// migrated, with one user per role, and `next start` on a free port. Prints one line
// `READY {json}` when healthy; SIGTERM tears everything down. Run with
// `node --import ./bin/register.mjs e2e/support/stack.ts` (see e2e/global-setup.ts).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

const runId = randomBytes(6).toString("hex");
// Not created up front: PostgreSQL runs as another user and must own the folder it creates.
const dataDir = path.join(os.tmpdir(), `readyboard-e2e-${runId}`);
const db = await startEmbeddedDatabase({ dataDir, database: "readyboard_e2e" });
await applyMigrations(db.url);
process.env.DATABASE_URL = db.url;

const { cliActor } = await import("@/lib/audit/record-audit");
const { createUser } = await import("@/lib/users/create-user");
const { disconnectDb } = await import("@/lib/db");
const users: Record<string, { email: string; password: string }> = {};
for (const role of ["admin", "lead", "engineer", "viewer"] as const) {
  const { user, generatedPassword } = await createUser(cliActor, { email: `${role}-${runId}@example.test`, role });
  users[role] = { email: user.email, password: generatedPassword! };
}
// Its own user, so the throttling test cannot lock the others out.
const throttled = await createUser(cliActor, { email: `throttle-${runId}@example.test`, role: "viewer" });
users.throttled = { email: throttled.user.email, password: throttled.generatedPassword! };
await disconnectDb();

const credentialsFile = path.join(os.tmpdir(), `readyboard-e2e-${runId}.json`);
writeFileSync(credentialsFile, JSON.stringify(users), { mode: 0o600 });

const port = await freePort();
const baseURL = `http://127.0.0.1:${port}`;
const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseURL,
    NEXT_TELEMETRY_DISABLED: "1",
    LOG_LEVEL: "warn",
  },
});

async function teardown() {
  if (app.exitCode === null) {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
  }
  await db.stop();
  rmSync(db.dataDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(credentialsFile, { force: true });
  process.exit(0);
}
process.on("SIGTERM", teardown);
process.on("SIGINT", teardown);
app.on("exit", (code) => {
  console.error(`next start exited with code ${code}`);
  void teardown();
});

for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(`${baseURL}/api/health`)).ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`READY ${JSON.stringify({ baseURL, credentialsFile })}`);
