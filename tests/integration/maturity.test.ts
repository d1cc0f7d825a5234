import { spawnSync } from "node:child_process";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { createFinding } from "@/lib/findings/create-finding";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { getMaturity } from "@/lib/maturity/get-maturity";
import { getProjectTrend } from "@/lib/maturity/get-project-trend";
import { setGateCriteria } from "@/lib/maturity/set-gate-criteria";
import { setMaturitySettings } from "@/lib/maturity/set-maturity-settings";
import { defaultMaturitySettings } from "@/lib/maturity/settings";
import { takeSnapshot } from "@/lib/maturity/take-snapshot";
import { takeDailySnapshots } from "@/lib/maturity/daily-snapshots";
import { makeProject, makeUser } from "@/tests/support/fixtures";
import { signInAs } from "@/tests/support/session";
import * as maturityRoute from "@/app/api/v1/projects/[slug]/maturity/route";
import * as gateRoute from "@/app/api/v1/projects/[slug]/gate/route";
import * as badgeRoute from "@/app/api/v1/projects/[slug]/badge.svg/route";

vi.mock("next-auth", async (importOriginal) => {
  const { sessionFor } = await import("@/tests/support/session");
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: sessionFor };
});

type Project = Awaited<ReturnType<typeof makeProject>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
let lead: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  [viewer, lead] = await Promise.all([makeUser("viewer"), makeUser("lead")]);
});

const categoryId = async (project: Project, key: string) => (await getDb().category.findFirstOrThrow({ where: { projectId: project.id, key } })).id;

async function file(project: Project, severity: string, count: number, key = "security", title = severity) {
  const ids: string[] = [];
  const category = await categoryId(project, key);
  for (let i = 0; i < count; i++) ids.push((await createFinding(cliActor, project.id, { title: `${title} ${i}`, severity, categoryId: category })).id);
  return ids;
}

const ctx = (p: Project) => ({ params: Promise.resolve({ slug: p.slug }) });
const get = (route: { GET: (r: NextRequest, c: ReturnType<typeof ctx>) => Promise<Response> }, p: Project, path: string) =>
  route.GET(new NextRequest(`http://localhost/api/v1/projects/${p.slug}/${path}`), ctx(p));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ["bin/readyboard.mjs", ...args], { env: { ...process.env, DATABASE_URL: inject("databaseUrl") }, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("maturity", () => {
  it("scores a project without findings 100 at level 5 when its gate passes", async () => {
    const project = await makeProject();
    const m = await getMaturity(project.id);
    expect(m).toMatchObject({ score: 100, level: 5, levelName: "World class", gate: { status: "pass" }, whatItTakes: { nextLevel: null } });
    expect(m.categories.every((c) => !c.assessed)).toBe(true);
  });

  it("scores categories from open findings and moves level as findings close", async () => {
    const project = await makeProject();
    const criticals = await file(project, "critical", 5);
    await file(project, "medium", 10, "testing");
    let m = await getMaturity(project.id);
    expect(m.categories.find((c) => c.key === "security")).toMatchObject({ score: 50, assessed: true, open: { critical: 5 } });
    expect(m.categories.find((c) => c.key === "testing")!.score).toBeCloseTo(71.4, 1);
    // Security weighs 1.0, testing 0.7.
    expect(m.score).toBeCloseTo((50 * 1 + 71.43 * 0.7) / 1.7, 0);
    expect(m).toMatchObject({ level: 3, gate: { status: "fail" } });
    for (const id of criticals) await setFindingStatus(cliActor, project.id, id, { status: "resolved" });
    m = await getMaturity(project.id);
    expect(m.categories.find((c) => c.key === "security")).toMatchObject({ score: 100, assessed: true });
    expect(m).toMatchObject({ level: 3, gate: { status: "pass" } });
    expect(m.whatItTakes).toMatchObject({ nextLevel: 4 });
    expect(m.whatItTakes!.close).toHaveLength(6);
  });

  it("leaves accepted risks out until their acceptance runs out, and false positives always", async () => {
    const project = await makeProject();
    const [current, expired, forever, wrong] = await file(project, "high", 4);
    await setFindingStatus(cliActor, project.id, current!, { status: "risk_accepted", statusReason: "Mitigated by WAF", riskAcceptedUntil: "2099-01-01" });
    await getDb().finding.update({ where: { id: expired! }, data: { status: "risk_accepted", statusReason: "Until the migration", riskAcceptedUntil: new Date("2020-01-01") } });
    await setFindingStatus(cliActor, project.id, forever!, { status: "risk_accepted", statusReason: "Legacy system", riskAcceptedUntil: "2099-12-31" });
    await setFindingStatus(cliActor, project.id, wrong!, { status: "false_positive", statusReason: "Not reachable" });
    const m = await getMaturity(project.id);
    expect(m.open.high).toBe(1);
    expect(m.categories.find((c) => c.key === "security")).toMatchObject({ open: { high: 1 }, assessed: true });
  });

  it("names the cheapest findings to close for the next level, by the effort of the roadmap items that address them", async () => {
    const project = await makeProject();
    await setMaturitySettings(cliActor, project.id, { ...defaultMaturitySettings, levels: { ...defaultMaturitySettings.levels, exemplaryMaxGaps: 2 } });
    const [a, b, c] = await file(project, "low", 3, "documentation");
    const sprint = await getDb().sprint.create({ data: { projectId: project.id, name: "Sprint 1", position: 0 } });
    const item = (title: string, minutes: number, findingId: string, position: number) =>
      getDb().roadmapItem.create({ data: { projectId: project.id, sprintId: sprint.id, title, position, effortMinutes: minutes, effortText: `${minutes} min`, findings: { create: { findingId } } } });
    await item("Write the runbook", 480, a!, 0);
    await item("Fix the README", 30, b!, 1);
    await item("Add docs link", 15, c!, 2);
    const m = await getMaturity(project.id);
    expect(m.level).toBe(3);
    expect(m.whatItTakes).toMatchObject({ nextLevel: 4, effortMinutes: 30 + 15, unknownEffort: 0 });
    expect(m.whatItTakes!.close.map((f) => f.title).sort()).toEqual(["low 1", "low 2"]);
  });

  it("answers the maturity and gate APIs and draws the badge, for people who may read the project", async () => {
    const project = await makeProject();
    await file(project, "critical", 1);
    signInAs(viewer);
    const maturity = await (await get(maturityRoute, project, "maturity")).json();
    expect(maturity).toMatchObject({ level: 4, levelName: "Exemplary", gate: { status: "fail" }, whatItTakes: { nextLevel: 5, needsGate: true } });
    expect(maturity.categories).toHaveLength(15);
    const gate = await (await get(gateRoute, project, "gate")).json();
    expect(gate).toEqual({ status: "fail", criteria: [{ key: "max_open_critical", name: "Open critical findings ≤ 0", threshold: 0, actual: 1, pass: false }] });
    const badge = await get(badgeRoute, project, "badge.svg");
    expect(badge.headers.get("content-type")).toContain("image/svg+xml");
    expect(await badge.text()).toContain("L4 Exemplary · gate fail");
    const put = await gateRoute.PUT(new NextRequest(`http://localhost/api/v1/projects/${project.slug}/gate`, { method: "PUT", body: JSON.stringify({ criteria: [] }) }), ctx(project));
    expect(put.status).toBe(403);
    signInAs(null);
  });

  it("gate CLI fails, then passes as the project meets its criteria", async () => {
    const project = await makeProject();
    const [critical] = await file(project, "critical", 1);
    await setGateCriteria(cliActor, project.id, { criteria: [{ key: "max_open_critical", threshold: 0, enabled: true }, { key: "min_line_coverage", threshold: 80, enabled: true }] });
    const failing = cli(["gate", "--project", project.slug]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain("Gate for");
    expect(failing.stdout).toMatch(/✗ Open critical findings ≤ 0: actual 1/);
    expect(failing.stdout).toMatch(/✗ Line coverage ≥ 80 %: not measured yet/);
    await setFindingStatus(cliActor, project.id, critical!, { status: "resolved" });
    await getDb().metric.create({ data: { projectId: project.id, key: "coverage.line", value: 85.2, unit: "%" } });
    const passing = cli(["gate", "--project", project.slug, "--json"]);
    expect(passing.code).toBe(0);
    expect(JSON.parse(passing.stdout)).toMatchObject({ status: "pass", criteria: [{ pass: true }, { actual: 85.2, pass: true }] });
  });

  it("takes a snapshot on each change, at most one a minute, and one a day", async () => {
    const project = await makeProject();
    signInAs(lead);
    const count = () => getDb().snapshot.count({ where: { projectId: project.id } });
    expect(await count()).toBe(1); // the project's day one
    await file(project, "high", 2);
    expect(await count()).toBe(1); // coalesced within the minute
    const latest = await getDb().snapshot.findFirstOrThrow({ where: { projectId: project.id }, orderBy: { takenAt: "desc" } });
    expect(latest).toMatchObject({ openHigh: 2, openTotal: 2, level: 4, gatePassed: true });
    await takeSnapshot(project.id, new Date(Date.now() + 120_000));
    expect(await count()).toBe(2);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const taken = await takeDailySnapshots(tomorrow);
    expect(taken).toBeGreaterThanOrEqual(1);
    expect(await takeDailySnapshots(tomorrow)).toBe(0);
    signInAs(null);
  });

  it("rebuilds daily history from first-seen and resolved dates when a project's findings predate its snapshots", async () => {
    const project = await makeProject();
    await getDb().snapshot.deleteMany({ where: { projectId: project.id } });
    const day = (n: number) => new Date(Date.now() - n * 86_400_000);
    const category = await categoryId(project, "security");
    await getDb().finding.createMany({
      data: [
        { projectId: project.id, title: "Old critical", severity: "critical", fingerprint: "h1", categoryId: category, firstSeenAt: day(20), status: "resolved", resolvedAt: day(5) },
        { projectId: project.id, title: "Old high", severity: "high", fingerprint: "h2", categoryId: category, firstSeenAt: day(10) },
      ],
    });
    await takeSnapshot(project.id);
    const trend = await getProjectTrend(project.id, 30);
    expect(trend.length).toBeGreaterThanOrEqual(20);
    const at = (n: number) => trend.find((p) => p.date === day(n).toISOString().slice(0, 10))!;
    expect(at(15)).toMatchObject({ critical: 1, high: 0 });
    expect(at(8)).toMatchObject({ critical: 1, high: 1 });
    expect(at(2)).toMatchObject({ critical: 0, high: 1, closedTotal: 1 });
    expect(at(8).score).toBeLessThan(at(2).score);
  });
});
