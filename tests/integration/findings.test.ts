import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { userActor } from "@/lib/audit/record-audit";
import { createFinding } from "@/lib/findings/create-finding";
import { updateFinding } from "@/lib/findings/update-finding";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { deleteFinding } from "@/lib/findings/delete-finding";
import { findFindings } from "@/lib/findings/find-findings";
import { getFinding } from "@/lib/findings/get-finding";
import { makeProject, makeUser } from "@/tests/support/fixtures";

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("findings", () => {
  it("creates a finding with its location and a created event by the actor", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const security = await getDb().category.findFirstOrThrow({ where: { projectId: project.id, key: "security" } });
    const f = await createFinding(userActor(lead), project.id, {
      title: "Token in git config", ref: "CRIT-01", severity: "critical", kind: "secret", categoryId: security.id, file: ".git/config", line: "7",
    });
    const full = await getFinding(project.id, f.id);
    expect(full).toMatchObject({ ref: "CRIT-01", status: "open", source: "manual", category: { key: "security" } });
    expect(full?.locations).toMatchObject([{ file: ".git/config", line: 7 }]);
    expect(full?.events).toMatchObject([{ field: "created", actor: { email: lead.email } }]);
  });

  it("rejects a category of another project and a missing title with field errors", async () => {
    const [a, b, lead] = await Promise.all([makeProject(), makeProject(), makeUser("lead")]);
    const foreign = await getDb().category.findFirstOrThrow({ where: { projectId: b.id } });
    await expect(createFinding(userActor(lead), a.id, { title: "x", severity: "low", categoryId: foreign.id })).rejects.toMatchObject({
      code: "invalid", fieldErrors: { categoryId: [expect.any(String)] },
    });
    await expect(createFinding(userActor(lead), a.id, { title: " ", severity: "urgent" })).rejects.toMatchObject({
      fieldErrors: { title: [expect.any(String)], severity: [expect.any(String)] },
    });
  });

  it("records one event per changed field on edit, old and new value", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const f = await createFinding(userActor(lead), project.id, { title: "Old", severity: "low" });
    await updateFinding(userActor(lead), project.id, f.id, { title: "New", severity: "high", file: "a.ts", line: "3" });
    const events = (await getFinding(project.id, f.id))!.events.filter((e) => e.field !== "created");
    expect(events.map((e) => [e.field, e.fromValue, e.toValue]).sort()).toEqual([
      ["location", null, "a.ts:3"], ["severity", "low", "high"], ["title", "Old", "New"],
    ]);
  });

  it("sets resolvedAt on resolve, clears it on reopen, and needs expiry and reason to accept a risk", async () => {
    const [project, eng] = await Promise.all([makeProject(), makeUser("engineer")]);
    const f = await createFinding(userActor(eng), project.id, { title: "Slow", severity: "medium" });
    const resolved = await setFindingStatus(userActor(eng), project.id, f.id, { status: "resolved" });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    const reopened = await setFindingStatus(userActor(eng), project.id, f.id, { status: "open" });
    expect(reopened.resolvedAt).toBeNull();
    await expect(setFindingStatus(userActor(eng), project.id, f.id, { status: "risk_accepted" })).rejects.toMatchObject({
      fieldErrors: { riskAcceptedUntil: [expect.any(String)], statusReason: [expect.any(String)] },
    });
    await expect(setFindingStatus(userActor(eng), project.id, f.id, { status: "risk_accepted", riskAcceptedUntil: inDays(-1), statusReason: "x" }))
      .rejects.toMatchObject({ fieldErrors: { riskAcceptedUntil: [expect.any(String)] } });
    const accepted = await setFindingStatus(userActor(eng), project.id, f.id, { status: "risk_accepted", riskAcceptedUntil: inDays(30), statusReason: "vendor fix due" });
    expect(accepted).toMatchObject({ status: "risk_accepted", statusReason: "vendor fix due" });
    const statusEvents = (await getFinding(project.id, f.id))!.events.filter((e) => e.field === "status").map((e) => e.toValue);
    expect(statusEvents).toEqual(["risk_accepted", "open", "resolved"]);
  });

  it("never reaches a finding through another project", async () => {
    const [a, b, lead] = await Promise.all([makeProject(), makeProject(), makeUser("lead")]);
    const f = await createFinding(userActor(lead), a.id, { title: "Mine", severity: "low" });
    expect(await getFinding(b.id, f.id)).toBeNull();
    await expect(setFindingStatus(userActor(lead), b.id, f.id, { status: "resolved" })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateFinding(userActor(lead), b.id, f.id, { title: "Theirs", severity: "low" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteFinding(userActor(lead), b.id, f.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await findFindings(b.id, {})).total).toBe(0);
  });

  it("filters by severity, status, category, kind, source and text, sorts and pages", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const perf = await getDb().category.findFirstOrThrow({ where: { projectId: project.id, key: "performance" } });
    const make = (title: string, severity: "critical" | "high" | "low", extra: Record<string, string> = {}) =>
      createFinding(userActor(lead), project.id, { title, severity, ...extra });
    await make("Alpha leak", "critical", { kind: "secret" });
    await make("Beta latency", "high", { categoryId: perf.id });
    const gamma = await make("Gamma typo", "low", { description: "mentions latency once" });
    await setFindingStatus(userActor(lead), project.id, gamma.id, { status: "resolved" });

    const titles = async (q: Record<string, string>) => (await findFindings(project.id, q)).items.map((f) => f.title);
    expect(await titles({})).toEqual(["Alpha leak", "Beta latency", "Gamma typo"]);
    expect(await titles({ severity: "high" })).toEqual(["Beta latency"]);
    expect(await titles({ status: "resolved" })).toEqual(["Gamma typo"]);
    expect(await titles({ category: "performance" })).toEqual(["Beta latency"]);
    expect(await titles({ kind: "secret" })).toEqual(["Alpha leak"]);
    expect(await titles({ source: "manual", q: "LATENCY" })).toEqual(["Beta latency", "Gamma typo"]);
    expect(await titles({ sort: "title", dir: "desc" })).toEqual(["Gamma typo", "Beta latency", "Alpha leak"]);
    const page2 = await findFindings(project.id, { pageSize: "2", page: "2" });
    expect(page2).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(page2.items.map((f) => f.title)).toEqual(["Gamma typo"]);
  });

  it("pages through 100,000 findings of one project", async () => {
    const project = await makeProject();
    await getDb().$executeRaw`
      insert into "Finding" (id, "projectId", title, severity, fingerprint, "updatedAt")
      select 'bulk-' || g, ${project.id}, 'Bulk finding ' || g,
             (array['critical','high','medium','low','info'])[1 + g % 5]::"Severity", 'bulk:' || g, now()
      from generate_series(1, 100000) g`;
    const started = performance.now();
    const page = await findFindings(project.id, { severity: "critical", page: "40", pageSize: "50" });
    const searched = await findFindings(project.id, { q: "finding 99999" });
    console.log(`findFindings on 100,000 rows: ${(performance.now() - started).toFixed(0)} ms for a filtered page and a search`);
    expect(page.total).toBe(20_000);
    expect(page.items).toHaveLength(50);
    expect(page.items.every((f) => f.severity === "critical")).toBe(true);
    expect(searched.items.map((f) => f.title)).toEqual(["Bulk finding 99999"]);
  });
});
