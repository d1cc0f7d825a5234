import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cliActor, userActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { createFinding } from "@/lib/findings/create-finding";
import { getMaturity } from "@/lib/maturity/get-maturity";
import { importReport } from "@/lib/reports/import-report";
import { parseReport } from "@/lib/reports/parse-report";
import { applyAutoPlan } from "@/lib/roadmap/apply-auto-plan";
import { getBoard } from "@/lib/roadmap/get-board";
import { createItem, planFindings, updateItem } from "@/lib/roadmap/item-use-cases";
import { moveItem } from "@/lib/roadmap/move-item";
import { proposeAutoPlan } from "@/lib/roadmap/propose-auto-plan";
import { setItemStatus } from "@/lib/roadmap/set-item-status";
import { closeSprint, createSprint, reorderSprints } from "@/lib/roadmap/sprint-use-cases";
import { makeProject, makeUser } from "@/tests/support/fixtures";
import { signInAs } from "@/tests/support/session";
import * as itemsRoute from "@/app/api/v1/projects/[slug]/items/route";
import * as itemRoute from "@/app/api/v1/projects/[slug]/items/[id]/route";
import * as sprintsRoute from "@/app/api/v1/projects/[slug]/sprints/route";

vi.mock("next-auth", async (importOriginal) => {
  const { sessionFor } = await import("@/tests/support/session");
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: sessionFor };
});

type Project = Awaited<ReturnType<typeof makeProject>>;
let lead: Awaited<ReturnType<typeof makeUser>>;
let engineer: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  [lead, engineer, viewer] = await Promise.all([makeUser("lead"), makeUser("engineer"), makeUser("viewer")]);
});

const titles = async (projectId: string, sprintId: string | null) =>
  (await getDb().roadmapItem.findMany({ where: { projectId, sprintId }, orderBy: { position: "asc" }, select: { title: true } })).map((i) => i.title);
const version = async (itemId: string) => (await getDb().roadmapItem.findUniqueOrThrow({ where: { id: itemId } })).version;

async function sprintWith(project: Project, name: string, items: string[]) {
  const sprint = await createSprint(userActor(lead), project.id, { name });
  const made = [];
  for (const title of items) made.push(await createItem(userActor(lead), project.id, { title, sprintId: sprint.id, effort: "2 h" }));
  return { sprint, items: made };
}

describe("roadmap", () => {
  it("keeps items in order within a sprint and across sprints, renumbering both columns", async () => {
    const project = await makeProject();
    const one = await sprintWith(project, "Sprint 1", ["a", "b", "c"]);
    const two = await sprintWith(project, "Sprint 2", ["x", "y"]);
    const [a, , c] = one.items;
    await moveItem(userActor(engineer), project.id, c!.id, { version: c!.version, sprintId: one.sprint.id, index: 0 });
    expect(await titles(project.id, one.sprint.id)).toEqual(["c", "a", "b"]);
    await moveItem(userActor(engineer), project.id, a!.id, { version: a!.version, sprintId: two.sprint.id, index: 1 });
    expect(await titles(project.id, one.sprint.id)).toEqual(["c", "b"]);
    expect(await titles(project.id, two.sprint.id)).toEqual(["x", "a", "y"]);
    // Past the end goes last; the backlog is a column too.
    await moveItem(userActor(engineer), project.id, a!.id, { version: await version(a!.id), sprintId: null, index: 99 });
    expect(await titles(project.id, null)).toEqual(["a"]);
    expect((await getDb().roadmapItem.findMany({ where: { sprintId: two.sprint.id }, orderBy: { position: "asc" } })).map((i) => i.position)).toEqual([0, 1]);

    const events = await getDb().roadmapItemEvent.findMany({ where: { itemId: a!.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.field, e.fromValue, e.toValue])).toEqual([["created", null, "a"], ["sprint", "Sprint 1", "Sprint 2"], ["sprint", "Sprint 2", "Backlog"]]);
    expect(await getDb().auditLog.count({ where: { projectId: project.id, action: "item.move" } })).toBe(3);

    await reorderSprints(userActor(lead), project.id, { sprintIds: [two.sprint.id, one.sprint.id] });
    expect((await getBoard(project.id)).sprints.map((s) => s.name)).toEqual(["Sprint 2", "Sprint 1"]);
  });

  it("refuses a stale move or tick with a conflict, and changes nothing", async () => {
    const project = await makeProject();
    const { sprint, items } = await sprintWith(project, "Sprint 1", ["a", "b"]);
    const [a] = items;
    await moveItem(userActor(lead), project.id, a!.id, { version: a!.version, sprintId: sprint.id, index: 1 });
    await expect(moveItem(userActor(engineer), project.id, a!.id, { version: a!.version, sprintId: null, index: 0 })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/Someone changed this item/) });
    await expect(setItemStatus(userActor(engineer), project.id, a!.id, { version: a!.version, status: "done" })).rejects.toMatchObject({ code: "conflict" });
    expect(await titles(project.id, sprint.id)).toEqual(["b", "a"]);
    expect((await getDb().roadmapItem.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe("todo");
  });

  it("closes a sprint: unfinished items go to the end of the next open sprint, done ones stay", async () => {
    const project = await makeProject();
    const one = await sprintWith(project, "Sprint 1", ["done one", "open one", "open two"]);
    const two = await sprintWith(project, "Sprint 2", ["next"]);
    const done = one.items[0]!;
    await setItemStatus(userActor(engineer), project.id, done.id, { version: done.version, status: "done" });
    await expect(closeSprint(userActor(lead), project.id, one.sprint.id, {})).rejects.toMatchObject({ code: "invalid" });
    const closed = await closeSprint(userActor(lead), project.id, one.sprint.id, { confirm: true });
    expect(closed).toMatchObject({ moved: 2, movedTo: { name: "Sprint 2" } });
    expect(await titles(project.id, one.sprint.id)).toEqual(["done one"]);
    expect(await titles(project.id, two.sprint.id)).toEqual(["next", "open one", "open two"]);
    // The last open sprint closing sends its unfinished work to the backlog.
    const result = await closeSprint(userActor(lead), project.id, two.sprint.id, { confirm: true });
    expect(result).toMatchObject({ moved: 3, movedTo: null });
    expect(await titles(project.id, null)).toEqual(["next", "open one", "open two"]);
    await expect(moveItem(userActor(lead), project.id, one.items[1]!.id, { version: await version(one.items[1]!.id), sprintId: one.sprint.id, index: 0 })).rejects.toMatchObject({ code: "invalid" });
  });

  it("ticks an item done resolving the findings chosen (by whom, when, via which item), and the score rises at once", async () => {
    const project = await makeProject();
    const [critical, high] = [
      await createFinding(cliActor, project.id, { title: "Leaked key", severity: "critical" }),
      await createFinding(cliActor, project.id, { title: "Weak TLS", severity: "high" }),
    ];
    const sprint = await createSprint(userActor(lead), project.id, { name: "Sprint 1" });
    const item = await createItem(userActor(lead), project.id, { title: "Rotate and harden", sprintId: sprint.id, findingIds: [critical.id, high.id] });
    const before = await getMaturity(project.id);

    const { resolved } = await setItemStatus(userActor(engineer), project.id, item.id, { version: item.version, status: "done", resolveFindings: [critical.id] });
    expect(resolved).toBe(1);
    const after = await getMaturity(project.id);
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.open.critical).toBe(0);
    expect(after.open.high).toBe(1);
    const event = await getDb().findingEvent.findFirstOrThrow({ where: { findingId: critical.id, field: "status" } });
    expect(event).toMatchObject({ actorId: engineer.id, fromValue: "open", toValue: "resolved", itemId: item.id });
    expect((await getDb().finding.findUniqueOrThrow({ where: { id: high.id } })).status).toBe("open");
    // The readiness the pages read was refreshed with the change, not an hour later.
    expect(((await getDb().readiness.findUniqueOrThrow({ where: { projectId: project.id } })).data as { score: number }).score).toBe(after.score);

    // Reopening asks which findings to reopen; only those chosen and resolved come back.
    const reopened = await setItemStatus(userActor(engineer), project.id, item.id, { version: await version(item.id), status: "todo", reopenFindings: [critical.id, high.id] });
    expect(reopened.reopened).toBe(1);
    expect((await getMaturity(project.id)).open.critical).toBe(1);
  });

  it("plans chosen findings as linked items, in the order chosen", async () => {
    const project = await makeProject();
    const sprint = await createSprint(userActor(lead), project.id, { name: "Sprint 1" });
    const low = await createFinding(cliActor, project.id, { title: "Verbose errors", severity: "low", ref: "LOW-01" });
    const high = await createFinding(cliActor, project.id, { title: "No rate limit", severity: "high" });
    const planned = await planFindings(userActor(lead), project.id, { sprintId: sprint.id, findingIds: [high.id, low.id] });
    expect(planned).toMatchObject({ count: 2, sprint: "Sprint 1" });
    expect(await titles(project.id, sprint.id)).toEqual(["No rate limit", "LOW-01: Verbose errors"]);
    const links = await getDb().roadmapItemFinding.findMany({ where: { findingId: { in: [low.id, high.id] } } });
    expect(links).toHaveLength(2);
    const other = await makeProject();
    const stranger = await createFinding(cliActor, other.id, { title: "Elsewhere", severity: "high" });
    await expect(planFindings(userActor(lead), project.id, { sprintId: sprint.id, findingIds: [stranger.id] })).rejects.toMatchObject({ code: "invalid" });
  });

  it("auto-plans seed 002's open findings by severity then impact per hour, never past a sprint's capacity, and applies it in one transaction", async () => {
    const project = await makeProject();
    const report = parseReport(readFileSync("lib/seed/reports/002_dd5bbc5571d6b528.txt", "utf8"));
    await importReport(userActor(lead), project.id, { report, fileName: "002.md", sha256: "cd".repeat(32) });
    // Two medium security findings get items with an effort: the category's median (2 h) sizes the other six.
    const security = await getDb().category.findFirstOrThrow({ where: { projectId: project.id, key: "security" } });
    const [one, two, ...others] = await getDb().finding.findMany({ where: { projectId: project.id, severity: "medium", categoryId: security.id }, orderBy: { ref: "asc" } });
    expect(others).toHaveLength(6);
    await createItem(userActor(lead), project.id, { title: "First", effort: "1 h", findingIds: [one!.id] });
    await createItem(userActor(lead), project.id, { title: "Second", effort: "3 h", findingIds: [two!.id] });

    const proposal = await proposeAutoPlan(project.id, { capacityHours: 16, sprintCount: 3 });
    expect(proposal.sprints.map((s) => s.name)).toEqual(["Sprint 5", "Sprint 6", "Sprint 7"]);
    for (const s of proposal.sprints) {
      const oversized = s.items.length === 1 && s.items[0]!.overCapacity;
      if (!oversized) expect(s.effortMinutes).toBeLessThanOrEqual(16 * 60);
      expect(s.effortMinutes).toBe(s.items.reduce((n, i) => n + i.effortMinutes, 0));
    }
    const planned = proposal.sprints.flatMap((s) => s.items);
    const rank = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
    // The first sprint takes the critical finding first; each severity comes before the next in the first sprint's order.
    expect(planned[0]!.severity).toBe("critical");
    const first = proposal.sprints[0]!.items;
    expect(first.map((i) => rank[i.severity])).toEqual([...first.map((i) => rank[i.severity])].sort((x, y) => x - y));
    // Every open finding no item addresses is planned, left for later, or skipped (info); none twice.
    const open = await getDb().finding.count({ where: { projectId: project.id, status: "open" } });
    expect(planned.length + proposal.unplanned.length + proposal.skipped.length).toBe(open - 2);
    expect(new Set([...planned, ...proposal.unplanned].map((i) => i.findingId)).size).toBe(planned.length + proposal.unplanned.length);
    expect([...planned, ...proposal.unplanned].some((i) => i.findingId === one!.id)).toBe(false);
    const siblings = [...planned, ...proposal.unplanned].filter((i) => others.some((f) => f.id === i.findingId));
    expect(siblings.map((i) => [i.effortMinutes, i.estimated])).toEqual(others.map(() => [120, "category"]));

    // The lead leaves one finding out and renames a sprint; the rest is applied as proposed.
    const sprints = proposal.sprints.map((s, i) => ({ name: i === 0 ? "Hardening" : s.name, findingIds: s.items.map((x) => x.findingId).filter((id) => id !== planned[1]!.findingId) }));
    const applied = await applyAutoPlan(userActor(lead), project.id, { sprints });
    expect(applied).toEqual({ sprints: 3, items: planned.length - 1 });
    const board = await getBoard(project.id);
    expect(board.sprints.map((s) => s.name).slice(-3)).toEqual(["Hardening", "Sprint 6", "Sprint 7"]);
    const hardening = board.items.filter((i) => i.sprintId === board.sprints.at(-3)!.id);
    expect(hardening[0]!.findings[0]!.id).toBe(planned[0]!.findingId);
    expect(hardening.every((i) => i.effortMinutes! > 0)).toBe(true);

    // Applying the same proposal again finds its findings planned already: refused whole.
    const itemsBefore = await getDb().roadmapItem.count({ where: { projectId: project.id } });
    await expect(applyAutoPlan(userActor(lead), project.id, { sprints })).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().roadmapItem.count({ where: { projectId: project.id } })).toBe(itemsBefore);
    expect(await getDb().sprint.count({ where: { projectId: project.id } })).toBe(7);
  });

  it("lets viewers read the board API and nothing else, engineers move and tick, and leads edit", async () => {
    const project = await makeProject();
    const { sprint, items } = await sprintWith(project, "Sprint 1", ["a"]);
    const item = items[0]!;
    const url = (path: string) => `http://localhost/api/v1/projects/${project.slug}/${path}`;
    const ctx = { params: Promise.resolve({ slug: project.slug }) };
    const patch = (body: object) => itemRoute.PATCH(new NextRequest(url(`items/${item.id}`), { method: "PATCH", body: JSON.stringify(body) }), { params: Promise.resolve({ slug: project.slug, id: item.id }) });

    signInAs(viewer);
    const board = await (await itemsRoute.GET(new NextRequest(url("items")), ctx)).json();
    expect(board.items.map((i: { title: string }) => i.title)).toEqual(["a"]);
    expect((await sprintsRoute.GET(new NextRequest(url("sprints")), ctx)).status).toBe(200);
    expect((await patch({ version: item.version, sprintId: null, index: 0 })).status).toBe(403);
    expect((await patch({ version: item.version, status: "done" })).status).toBe(403);
    expect((await sprintsRoute.POST(new NextRequest(url("sprints"), { method: "POST", body: JSON.stringify({ name: "Mine" }) }), ctx)).status).toBe(403);

    signInAs(engineer);
    const moved = await patch({ version: item.version, sprintId: null, index: 0 });
    expect(moved.status).toBe(200);
    const movedItem = await moved.json();
    expect(movedItem).toMatchObject({ sprintId: null, version: item.version + 1 });
    const stale = await patch({ version: item.version, status: "done" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/Someone changed this item/);
    expect((await patch({ version: movedItem.version, title: "Renamed" })).status).toBe(403);
    expect((await patch({ version: movedItem.version, status: "doing" })).status).toBe(200);

    signInAs(lead);
    const renamed = await patch({ version: movedItem.version + 1, title: "Renamed", effort: "3-5 d" });
    expect(await renamed.json()).toMatchObject({ title: "Renamed", effortMinutes: 3 * 480, effortMinutesHigh: 5 * 480 });
    const bad = await patch({ version: movedItem.version + 2, effort: "soon" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.effort[0]).toMatch(/30 min, 2 h/);
    const created = await sprintsRoute.POST(new NextRequest(url("sprints"), { method: "POST", body: JSON.stringify({ name: "Later", startsOn: "2026-12-10", endsOn: "2026-12-01" }) }), ctx);
    expect(created.status).toBe(400);
    expect((await created.json()).error.fields.endsOn[0]).toMatch(/on or after the start/);
    signInAs(null);

    await updateItem(userActor(lead), project.id, item.id, { version: await version(item.id), assigneeId: engineer.id });
    expect((await getDb().roadmapItemEvent.findMany({ where: { itemId: item.id }, orderBy: { createdAt: "asc" } })).map((e) => e.field)).toEqual(["created", "sprint", "status", "title", "effort", "assignee"]);
    expect(sprint.name).toBe("Sprint 1");
  });
});
