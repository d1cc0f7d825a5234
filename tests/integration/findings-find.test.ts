import { describe, expect, it, onTestFinished } from "vitest";
import { getDb } from "@/lib/db";
import { userActor } from "@/lib/audit/record-audit";
import { createFinding } from "@/lib/findings/create-finding";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { findFindings } from "@/lib/findings/find-findings";
import { findFindingSources } from "@/lib/findings/find-finding-sources";
import { makeProject, makeUser } from "@/tests/support/fixtures";

describe("findFindings", () => {
  it("filters by severity, status, category, kind and source, and searches title, ref and description", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const performance = await getDb().category.findFirstOrThrow({ where: { projectId: project.id, key: "performance" } });
    const make = (title: string, severity: string, extra: Record<string, string> = {}) =>
      createFinding(userActor(lead), project.id, { title, severity, ...extra });
    await make("Alpha leak", "critical", { kind: "secret", ref: "CRIT-01" });
    await make("Beta latency", "high", { categoryId: performance.id, ref: "HIGH-02" });
    const gamma = await make("Gamma typo", "low", { description: "Mentions LATENCY once" });
    await setFindingStatus(userActor(lead), project.id, gamma.id, { status: "resolved" });
    // Findings from an import carry the tool's name as their source.
    await getDb().finding.updateMany({ where: { id: gamma.id }, data: { source: "trivy" } });

    const titles = async (q: Record<string, string>) => (await findFindings(project.id, q)).items.map((f) => f.title);
    expect(await titles({})).toEqual(["Alpha leak", "Beta latency", "Gamma typo"]);
    expect(await titles({ severity: "high" })).toEqual(["Beta latency"]);
    expect(await titles({ status: "resolved" })).toEqual(["Gamma typo"]);
    expect(await titles({ status: "open", severity: "critical" })).toEqual(["Alpha leak"]);
    expect(await titles({ category: "performance" })).toEqual(["Beta latency"]);
    expect(await titles({ kind: "secret" })).toEqual(["Alpha leak"]);
    expect(await titles({ source: "trivy" })).toEqual(["Gamma typo"]);
    expect(await titles({ q: "latency" })).toEqual(["Beta latency", "Gamma typo"]);
    expect(await titles({ q: "crit-01" })).toEqual(["Alpha leak"]);
    expect(await titles({ q: "latency", source: "manual" })).toEqual(["Beta latency"]);
    // Empty values come from a filter form's "any" choice and filter nothing.
    expect(await titles({ severity: "", status: "", category: "", kind: "", source: "", q: "  " })).toHaveLength(3);
    expect(await findFindingSources(project.id)).toEqual(["manual", "trivy"]);
  });

  it("takes % and _ in a search literally", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    await createFinding(userActor(lead), project.id, { title: "Coverage at 100% of lines", severity: "info" });
    await createFinding(userActor(lead), project.id, { title: "Coverage at 1000 lines", severity: "info" });
    await createFinding(userActor(lead), project.id, { title: "snake_case config keys", severity: "info" });
    await createFinding(userActor(lead), project.id, { title: "Code case mismatch", severity: "info" });
    const titles = async (q: string) => (await findFindings(project.id, { q })).items.map((f) => f.title);
    expect(await titles("0%")).toEqual(["Coverage at 100% of lines"]);
    expect(await titles("e_c")).toEqual(["snake_case config keys"]);
    expect(await titles("%")).toEqual(["Coverage at 100% of lines"]);
  });

  it("sorts by each column both ways, keeps findings without a ref last, and pages with a total", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const c = await createFinding(userActor(lead), project.id, { title: "C", severity: "low", ref: "M-01" });
    const a = await createFinding(userActor(lead), project.id, { title: "A", severity: "critical" });
    await createFinding(userActor(lead), project.id, { title: "B", severity: "medium", ref: "HIGH-01" });
    await setFindingStatus(userActor(lead), project.id, c.id, { status: "in_progress" });
    await getDb().finding.update({ where: { id: a.id }, data: { lastSeenAt: new Date(Date.now() + 60_000) } });
    const order = async (sort: string, dir: string) => (await findFindings(project.id, { sort, dir })).items.map((f) => f.title);
    expect(await order("severity", "asc")).toEqual(["A", "B", "C"]);
    expect(await order("severity", "desc")).toEqual(["C", "B", "A"]);
    expect(await order("title", "desc")).toEqual(["C", "B", "A"]);
    // Open before in progress; within a status, newest first.
    expect(await order("status", "asc")).toEqual(["B", "A", "C"]);
    expect(await order("ref", "asc")).toEqual(["B", "C", "A"]);
    expect(await order("ref", "desc")).toEqual(["C", "B", "A"]);
    expect(await order("createdAt", "desc")).toEqual(["B", "A", "C"]);
    expect(await order("lastSeenAt", "desc")).toEqual(["A", "B", "C"]);

    const page2 = await findFindings(project.id, { sort: "title", pageSize: "2", page: "2" });
    expect(page2).toMatchObject({ total: 3, pages: 2, page: 2, pageSize: 2 });
    expect(page2.items.map((f) => f.title)).toEqual(["C"]);
  });

  it("refuses a query it does not understand with a message per parameter", async () => {
    const project = await makeProject();
    await expect(findFindings(project.id, { severity: "urgent", sort: "colour", pageSize: "500", page: "0" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { severity: [expect.any(String)], sort: [expect.any(String)], pageSize: [expect.any(String)], page: [expect.any(String)] },
    });
  });

  it("pages through 100,000 findings of one project", async () => {
    const project = await makeProject();
    // Other files share this database (the backup test exports all of it): leave no bulk behind.
    onTestFinished(async () => void (await getDb().project.delete({ where: { id: project.id } })));
    const security = await getDb().category.findFirstOrThrow({ where: { projectId: project.id, key: "security" } });
    // Row g: severity by g % 5 (0 = critical), status by g % 3 (0 = open), security when g % 4 = 0,
    // from trivy when g % 10 = 0; a larger g is older.
    await getDb().$executeRaw`
      insert into "Finding" (id, "projectId", ref, title, description, severity, kind, status, "categoryId", source, fingerprint, "createdAt", "lastSeenAt", "updatedAt")
      select ${project.id} || '-' || g, ${project.id}, 'B-' || g, 'Bulk finding ' || g, 'Generated row number ' || g,
             (array['critical','high','medium','low','info'])[1 + g % 5]::"Severity",
             (array['gap','vulnerability'])[1 + g % 2]::"FindingKind",
             (array['open','in_progress','resolved'])[1 + g % 3]::"FindingStatus",
             case when g % 4 = 0 then ${security.id} end,
             case when g % 10 = 0 then 'trivy' else 'report' end,
             'bulk:' || g, now() - g * interval '1 second', now() - g * interval '1 second', now()
      from generate_series(1, 100000) g`;
    await getDb().$executeRawUnsafe(`analyze "Finding"`);

    const timed = async (label: string, query: Record<string, string>) => {
      const started = performance.now();
      const result = await findFindings(project.id, query);
      console.log(`findFindings at 100,000 findings, ${label}: ${(performance.now() - started).toFixed(0)} ms`);
      return result;
    };
    const first = await timed("first page, default sort", {});
    expect(first).toMatchObject({ total: 100_000, pages: 4000, pageSize: 25 });
    expect(first.items[0]).toMatchObject({ title: "Bulk finding 5", severity: "critical" });

    const critical = await timed("severity filter, page 40 of 400", { severity: "critical", page: "40", pageSize: "50" });
    expect(critical).toMatchObject({ total: 20_000, pages: 400, page: 40 });
    expect(critical.items).toHaveLength(50);
    // Page 40 starts at the 1,951st critical finding, newest first: g = 5 × 1951.
    expect(critical.items[0]!.title).toBe("Bulk finding 9755");
    expect(critical.items.every((f) => f.severity === "critical")).toBe(true);

    const openCritical = await timed("status + severity filter", { status: "open", severity: "critical" });
    expect(openCritical.total).toBe(6_666);
    expect((await timed("category filter", { category: "security" })).total).toBe(25_000);
    expect((await timed("source filter", { source: "trivy", kind: "gap" })).total).toBe(10_000);
    const last = await timed("last page sorted by title", { sort: "title", dir: "desc", page: "1000", pageSize: "100" });
    expect(last.items).toHaveLength(100);
    expect(last.items.at(-1)!.title).toBe("Bulk finding 1");
    const searched = await timed("text search", { q: "finding 99999" });
    expect(searched.items.map((f) => f.title)).toEqual(["Bulk finding 99999"]);
    expect((await timed("text search in descriptions", { q: "ROW NUMBER 1234" })).total).toBe(11);
  });
});
