import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, inject } from "vitest";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { uniqueSlug } from "@/tests/support/fixtures";

const seed004 = "lib/seed/reports/004_479f8bec1b2050ea.txt";

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["bin/readyboard.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    input: input ?? "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("readyboard CLI", () => {
  it("creates a user with a generated password, printed once", async () => {
    const email = `gen-${Date.now()}@example.test`;
    const run = cli(["user", "create", "--email", email, "--role", "engineer"]);
    expect(run.code).toBe(0);
    const password = /Password: (\S+)/.exec(run.stdout)?.[1];
    expect(password).toHaveLength(20);
    const stored = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(stored.role).toBe("engineer");
    expect(await verifyPassword(stored.passwordHash, password!)).toBe(true);
  });

  it("takes a password from stdin and never prints it", async () => {
    const email = `piped-${Date.now()}@example.test`;
    const run = cli(["user", "create", "--email", email, "--role", "viewer"], "a-piped-password-123\n");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("a-piped-password-123");
    const stored = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(stored.passwordHash, "a-piped-password-123")).toBe(true);
  });

  it("answers bad input with one line on stderr and a non-zero exit", () => {
    const run = cli(["user", "create", "--email", "x@example.test", "--role", "boss"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/role/);
  });

  it("creates a project and exports valid JSON to stdout", () => {
    const slug = uniqueSlug("cli");
    expect(cli(["project", "create", "--slug", slug, "--name", "From the CLI"]).code).toBe(0);
    const again = cli(["project", "create", "--slug", slug, "--name", "Twice"]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    const run = cli(["export", "--project", slug]);
    expect(run.code).toBe(0);
    const backup = JSON.parse(run.stdout);
    expect(backup).toMatchObject({ format: "readyboard-backup", version: 1, scope: { project: slug } });
    expect(backup.tables.category).toHaveLength(15);
  });

  it("parse: exit 1 for a missing file, exit 2 for a format it does not know", () => {
    const missing = cli(["parse", "/no/such/file.md", "--json"]);
    expect(missing.code).toBe(1);
    const dir = mkdtempSync(path.join(os.tmpdir(), "rb-parse-"));
    const file = path.join(dir, "package.json");
    writeFileSync(file, JSON.stringify({ name: "app", version: "1.0.0", dependencies: {} }));
    const unknown = cli(["parse", file, "--json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/neither a scan file Readyboard reads nor a Markdown report/);
  });

  it("parse: prints a scan file as JSON without a database", () => {
    const scan = cli(["parse", "tests/fixtures/scans/trivy/severity_prio.json", "--json"]);
    expect(scan.code).toBe(0);
    expect(JSON.parse(scan.stdout)).toMatchObject({ kind: "scan", format: "trivy", tool: "trivy", findings: [expect.objectContaining({ cve: expect.stringMatching(/^CVE-/) }), expect.anything()], metrics: [] });
    const summary = cli(["parse", "tests/fixtures/scans/metrics/c8-lcov.info"]);
    expect(summary.stdout).toContain("coverage.line = 85.18");
  });

  it("upload: imports a scan into a project and prints what changed and the gate", () => {
    const slug = `cli-scan-${Date.now().toString(36)}`;
    expect(cli(["project", "create", "--slug", slug, "--name", "CLI scans"]).code).toBe(0);
    const first = cli(["upload", "tests/fixtures/scans/semgrep/many_vulns.json", "--project", slug, "--branch", "main", "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ scan: { tool: "semgrep", created: 48, branch: "main" }, gate: { status: expect.any(String) } });
    const again = cli(["upload", "tests/fixtures/scans/semgrep/many_vulns.json", "--project", slug, "--branch", "main"]);
    expect(again.stdout).toContain("48 findings: 0 new, 0 reopened, 48 unchanged, 0 fixed per scan");
    expect(cli(["upload", "tests/fixtures/scans/semgrep/many_vulns.json", "--project", "no-such-project"]).code).toBe(1);
  });

  it("parse: prints a Markdown report as JSON, or as a short count summary", () => {
    const json = cli(["parse", seed004, "--json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ kind: "report", title: "Production Readiness Plan" });
    expect(report.sprints.flatMap((s: { items: unknown[] }) => s.items)).toHaveLength(8);
    const human = cli(["parse", seed004]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/with 8 items/);
  });

  it("import-report: imports into a project (exit 0), the second time adding nothing", { timeout: 60_000 }, () => {
    const slug = uniqueSlug("rep");
    expect(cli(["project", "create", "--slug", slug, "--name", "Reports"]).code).toBe(0);
    const first = cli(["import-report", seed004, "--project", slug]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/items +8 added, 0 updated, 0 unchanged/);
    const again = cli(["import-report", seed004, "--project", slug, "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ added: { items: 0 }, updated: { items: 0 }, unchanged: { items: 8 } });
  });

  it("import-report: exit 1 for a missing file, project or --project, 2 for a scan file, 1 for a report with nothing in it", () => {
    // The file is read and checked before the database is opened, so the project need not exist.
    const slug = "no-such-project";
    const dir = mkdtempSync(path.join(os.tmpdir(), "rb-import-"));
    const [scan, prose] = [path.join(dir, "scan.json"), path.join(dir, "notes.md")];
    writeFileSync(scan, '[{"rule": "x"}]');
    writeFileSync(prose, "# Notes\n\nNothing to see here.\n");
    const cases: [string[], number, RegExp][] = [
      [["import-report", seed004, "--project", slug], 1, /No project with the slug/],
      [["import-report", scan, "--project", slug], 2, /not a Markdown report/],
      [["import-report", prose, "--project", slug], 1, /Nothing recognisable/],
      [["import-report", "/no/such/report.md", "--project", slug], 1, /Cannot read/],
      [["import-report", seed004], 1, /--project/],
    ];
    for (const [args, code, message] of cases) {
      const run = cli(args);
      expect([run.code, run.stderr.trim().split("\n").at(-1)], args.join(" ")).toEqual([code, expect.stringMatching(message)]);
    }
  }, 60_000);
  it("creates a project API token, shows it once, lists it without the secret and revokes it", () => {
    const slug = uniqueSlug("tok");
    expect(cli(["project", "create", "--slug", slug, "--name", "Tokens"]).code).toBe(0);
    const created = cli(["token", "create", "--project", slug, "--name", "GitHub Actions"]);
    expect(created.code).toBe(0);
    const token = created.stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^rb_[\w-]{43}$/);
    const id = /\(([a-z0-9]+)\)/.exec(created.stdout)?.[1];
    const listed = cli(["token", "list", "--project", slug]);
    expect(listed.stdout).toContain("GitHub Actions");
    expect(listed.stdout).not.toContain(token);
    expect(cli(["token", "revoke", "--project", slug, "--id", id!]).code).toBe(0);
    expect(cli(["token", "list", "--project", slug]).stdout).toContain("revoked");
    expect(cli(["token", "create", "--project", "no-such-project", "--name", "x"]).code).toBe(1);
  });
});
