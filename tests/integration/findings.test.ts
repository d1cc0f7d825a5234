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
const categoryOf = (projectId: string, key: string) => getDb().category.findFirstOrThrow({ where: { projectId, key } });
const eventsOf = async (projectId: string, findingId: string) =>
  (await getFinding(projectId, findingId))!.events.map((e) => [e.field, e.fromValue, e.toValue]);

describe("createFinding", () => {
  it("records a manual finding with its location, category and a created event by the actor", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const security = await categoryOf(project.id, "security");
    const created = await createFinding(userActor(lead), project.id, {
      title: "Token in git config", ref: "CRIT-01", severity: "critical", kind: "secret", categoryId: security.id, file: ".git/config", line: "7",
    });
    const finding = await getFinding(project.id, created.id);
    expect(finding).toMatchObject({ ref: "CRIT-01", status: "open", source: "manual", kind: "secret", category: { key: "security" } });
    expect(finding!.fingerprint).toMatch(/^manual:[0-9a-f-]{36}$/);
    expect(finding!.locations).toMatchObject([{ file: ".git/config", line: 7 }]);
    expect(finding!.events).toMatchObject([{ field: "created", actor: { email: lead.email } }]);
    const audit = await getDb().auditLog.findFirst({ where: { targetId: created.id } });
    expect(audit).toMatchObject({ action: "finding.create", actorId: lead.id, projectId: project.id });
  });

  it("answers bad input with a message per field and writes nothing", async () => {
    const [a, b, lead] = await Promise.all([makeProject(), makeProject(), makeUser("lead")]);
    const foreign = await categoryOf(b.id, "security");
    await expect(createFinding(userActor(lead), a.id, { title: "x", severity: "low", categoryId: foreign.id })).rejects.toMatchObject({
      code: "invalid", fieldErrors: { categoryId: [expect.any(String)] },
    });
    await expect(createFinding(userActor(lead), a.id, { title: " ", severity: "urgent", line: "0", file: "a.ts" })).rejects.toMatchObject({
      code: "invalid", fieldErrors: { title: [expect.any(String)], severity: [expect.any(String)], line: [expect.any(String)] },
    });
    await expect(createFinding(userActor(lead), a.id, { title: "x".repeat(301), severity: "low", line: "4" })).rejects.toMatchObject({
      fieldErrors: { title: ["At most 300 characters."], file: ["A line number needs a file."] },
    });
    expect(await getDb().finding.count({ where: { projectId: a.id } })).toBe(0);
  });
});

describe("updateFinding", () => {
  it("records one event per changed field, with values as people read them", async () => {
    const [project, lead, engineer] = await Promise.all([makeProject(), makeUser("lead"), makeUser("engineer")]);
    const [testing, performance] = await Promise.all([categoryOf(project.id, "testing"), categoryOf(project.id, "performance")]);
    const f = await createFinding(userActor(lead), project.id, { title: "Old", ref: "M-01", severity: "low", categoryId: testing.id, file: "a.ts" });
    await updateFinding(userActor(lead), project.id, f.id, {
      title: "New", ref: "M-01", description: "", recommendation: "Add a cache", severity: "high", kind: "gap",
      categoryId: performance.id, assigneeId: engineer.id, file: "a.ts", line: "3",
    });
    const events = (await eventsOf(project.id, f.id)).filter(([field]) => field !== "created");
    expect(events.sort()).toEqual([
      ["assignee", null, engineer.email],
      ["category", "Testing", "Performance"],
      ["location", "a.ts", "a.ts:3"],
      ["recommendation", null, "Add a cache"],
      ["severity", "low", "high"],
      ["title", "Old", "New"],
    ]);
    const audit = await getDb().auditLog.findFirst({ where: { targetId: f.id, action: "finding.update" } });
    expect(audit?.detail).toMatchObject({ fields: expect.arrayContaining(["title", "severity"]) });
  });

  it("changes only the fields it is given, clears those sent empty, and records nothing when nothing changed", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const f = await createFinding(userActor(lead), project.id, { title: "Keep", ref: "HIGH-03", severity: "high", description: "why", file: "x.ts", line: "9" });
    await updateFinding(userActor(lead), project.id, f.id, { ref: "", file: null });
    const after = await getFinding(project.id, f.id);
    expect(after).toMatchObject({ title: "Keep", severity: "high", description: "why", ref: null, locations: [] });
    expect((await eventsOf(project.id, f.id)).slice(0, 2).sort()).toEqual([["location", "x.ts:9", null], ["ref", "HIGH-03", null]]);
    await updateFinding(userActor(lead), project.id, f.id, { title: "Keep", severity: "high" });
    expect(await eventsOf(project.id, f.id)).toHaveLength(3);
  });
});

describe("setFindingStatus", () => {
  it("sets resolvedAt on resolve and clears it on reopen, with an event each", async () => {
    const [project, engineer] = await Promise.all([makeProject(), makeUser("engineer")]);
    const f = await createFinding(userActor(engineer), project.id, { title: "Slow", severity: "medium" });
    const resolved = await setFindingStatus(userActor(engineer), project.id, f.id, { status: "resolved" });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    const reopened = await setFindingStatus(userActor(engineer), project.id, f.id, { status: "open" });
    expect(reopened.resolvedAt).toBeNull();
    await setFindingStatus(userActor(engineer), project.id, f.id, { status: "open" });
    const finding = await getFinding(project.id, f.id);
    expect(finding!.events.map((e) => [e.field, e.fromValue, e.toValue, e.actor?.email])).toEqual([
      ["status", "resolved", "open", engineer.email],
      ["status", "open", "resolved", engineer.email],
      ["created", null, "open", engineer.email],
    ]);
  });

  it("accepts a risk only with a future expiry and a reason, and drops both on the next status", async () => {
    const [project, engineer] = await Promise.all([makeProject(), makeUser("engineer")]);
    const f = await createFinding(userActor(engineer), project.id, { title: "Old TLS", severity: "high" });
    await expect(setFindingStatus(userActor(engineer), project.id, f.id, { status: "risk_accepted" })).rejects.toMatchObject({
      code: "invalid", fieldErrors: { riskAcceptedUntil: [expect.any(String)], statusReason: [expect.any(String)] },
    });
    await expect(setFindingStatus(userActor(engineer), project.id, f.id, { status: "risk_accepted", riskAcceptedUntil: inDays(-1), statusReason: "x" }))
      .rejects.toMatchObject({ fieldErrors: { riskAcceptedUntil: ["The expiry date must be in the future."] } });
    const accepted = await setFindingStatus(userActor(engineer), project.id, f.id, { status: "risk_accepted", riskAcceptedUntil: inDays(30), statusReason: "vendor fix due" });
    expect(accepted).toMatchObject({ status: "risk_accepted", statusReason: "vendor fix due", riskAcceptedUntil: new Date(inDays(30)) });
    const duplicate = await setFindingStatus(userActor(engineer), project.id, f.id, { status: "duplicate", statusReason: "same as HIGH-02" });
    expect(duplicate).toMatchObject({ status: "duplicate", statusReason: "same as HIGH-02", riskAcceptedUntil: null });
    expect((await getFinding(project.id, f.id))!.events[0]).toMatchObject({ toValue: "duplicate", note: "same as HIGH-02" });
  });
});

describe("deleteFinding", () => {
  it("removes the finding with its history and keeps its title in the audit log", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const f = await createFinding(userActor(lead), project.id, { title: "Gone soon", severity: "info", file: "a.ts" });
    await deleteFinding(userActor(lead), project.id, f.id);
    expect(await getFinding(project.id, f.id)).toBeNull();
    expect(await getDb().findingEvent.count({ where: { findingId: f.id } })).toBe(0);
    expect(await getDb().auditLog.findFirst({ where: { targetId: f.id, action: "finding.delete" } })).toMatchObject({ detail: { title: "Gone soon" } });
  });
});

describe("project scoping", () => {
  it("never reaches a finding of project A through project B", async () => {
    const [a, b, lead] = await Promise.all([makeProject(), makeProject(), makeUser("lead")]);
    const f = await createFinding(userActor(lead), a.id, { title: "Mine", severity: "low" });
    const actor = userActor(lead);
    expect(await getFinding(b.id, f.id)).toBeNull();
    await expect(updateFinding(actor, b.id, f.id, { title: "Theirs" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setFindingStatus(actor, b.id, f.id, { status: "resolved" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteFinding(actor, b.id, f.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await findFindings(b.id, { q: "Mine" })).total).toBe(0);
    expect(await getFinding(a.id, f.id)).toMatchObject({ title: "Mine", status: "open" });
  });
});
