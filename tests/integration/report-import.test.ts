import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { cliActor, userActor, type Actor } from "@/lib/audit/record-audit";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { updateFinding } from "@/lib/findings/update-finding";
import { importReport } from "@/lib/reports/import-report";
import { parseReport } from "@/lib/reports/parse-report";
import { readReportText } from "@/lib/reports/read-report-text";
import type { ParsedReport, ReportFinding } from "@/lib/reports/schema";
import { makeProject, makeUser } from "@/tests/support/fixtures";

const finding = (fields: Partial<ReportFinding> & Pick<ReportFinding, "title">): ReportFinding => ({
  ref: null, severity: "medium", severityInferred: false, kind: "gap", category: null, locations: [], description: "", recommendation: null, ...fields,
});

/** A small report with one of everything the importer writes. */
function baseReport(): ParsedReport {
  return {
    kind: "report",
    title: "Infra analysis",
    findings: [
      finding({ ref: "CRIT-01", title: "Token in git config", severity: "critical", category: "security", locations: [{ file: ".git/config", line: null }], description: "Plaintext token.", recommendation: "Revoke it." }),
      finding({ ref: "HIGH-01", title: "No backups", severity: "high", category: "business_continuity", description: "No backup job." }),
      finding({ title: "NetworkPolicy  for all Namespaces", kind: "missing", severityInferred: true, locations: [{ file: "base/np.yaml", line: 3 }] }),
    ],
    strengths: [{ title: "Kustomize overlays", detail: "Consistent everywhere." }],
    sprints: [
      {
        name: "Sprint 1 — Immediate",
        window: "< 1 minggu",
        items: [
          { title: "Revoke the token", status: "todo", effort: { text: "15 menit", minutes: 15, minutesHigh: null }, refs: ["CRIT-01"], files: [".git/config"] },
          { title: "Write the runbook", status: "done", effort: null, refs: [], files: [] },
        ],
      },
      { name: "Sprint 2 — High Priority", window: "1-2 minggu", items: [{ title: "Nightly backups", status: "todo", effort: { text: "3-5 hari", minutes: 1440, minutesHigh: 2400 }, refs: ["high-01"], files: [] }] },
    ],
    categories: [
      { key: "security", name: "Security", weight: 1, criticality: "critical" },
      { key: "ai_safety", name: "AI safety", weight: 0.4, criticality: null },
    ],
    gateCriteria: [
      { key: "min_line_coverage", threshold: 80, label: "coverage ≥ 80 %" },
      { key: "max_error_rate", threshold: 0.01, label: "error rate < 1 %" },
    ],
    metrics: [
      { key: "tests.passed", value: 20, unit: null, label: "20 passed" },
      { key: "coverage.line", value: 93, unit: "%", label: "coverage 93 %" },
    ],
    warnings: [],
  };
}

const run = (actor: Actor, projectId: string, report: unknown, fileName = "analysis.md") => importReport(actor, projectId, { report, fileName, sha256: "ab".repeat(32) });
const zero = { findings: 0, strengths: 0, sprints: 0, items: 0, categories: 0, gateCriteria: 0, metrics: 0 };

/** Every row an import can touch, in a stable order; lastSeenAt left out (a re-import bumps it). */
async function projectRows(projectId: string) {
  const db = getDb();
  const findings = await db.finding.findMany({
    where: { projectId },
    orderBy: { fingerprint: "asc" },
    include: { locations: { orderBy: { id: "asc" } }, events: { orderBy: { id: "asc" } }, roadmapItems: { orderBy: { itemId: "asc" } } },
    omit: { lastSeenAt: true },
  });
  return {
    findings,
    categories: await db.category.findMany({ where: { projectId }, orderBy: { key: "asc" } }),
    strengths: await db.strength.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    sprints: await db.sprint.findMany({ where: { projectId }, orderBy: { position: "asc" } }),
    items: await db.roadmapItem.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    gateCriteria: await db.gateCriterion.findMany({ where: { projectId }, orderBy: { key: "asc" } }),
    metrics: await db.metric.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
  };
}

const byRef = (projectId: string, ref: string) => getDb().finding.findFirstOrThrow({ where: { projectId, ref }, include: { category: true, locations: true } });
const itemNamed = (projectId: string, title: string) => getDb().roadmapItem.findFirstOrThrow({ where: { projectId, title }, include: { sprint: true, findings: true } });

describe("importReport", () => {
  it("creates findings, strengths, sprints, items, categories, gate criteria and metrics, and records the import", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const summary = await run(userActor(lead), project.id, baseReport());
    expect(summary).toMatchObject({
      added: { findings: 3, strengths: 1, sprints: 2, items: 3, categories: 1, gateCriteria: 2, metrics: 2 },
      updated: zero,
      unchanged: { ...zero, categories: 1 },
      missing: [],
    });

    const crit = await byRef(project.id, "CRIT-01");
    expect(crit).toMatchObject({
      title: "Token in git config", severity: "critical", status: "open", source: "report", fingerprint: "report:crit-01",
      description: "Plaintext token.", recommendation: "Revoke it.", category: { key: "security" }, locations: [{ file: ".git/config", line: null }],
    });
    const unnamed = await getDb().finding.findFirstOrThrow({ where: { projectId: project.id, ref: null }, include: { locations: true, events: true } });
    expect(unnamed).toMatchObject({ fingerprint: "report:networkpolicy for all namespaces", kind: "missing", severityInferred: true, categoryId: null, locations: [{ file: "base/np.yaml", line: 3 }] });
    expect(unnamed.events).toMatchObject([{ field: "created", toValue: "open", actorId: lead.id, note: "report import" }]);

    const sprints = await getDb().sprint.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" } });
    expect(sprints.map((s) => [s.name, s.window, s.sourceKey, s.position])).toEqual([
      ["Sprint 1 — Immediate", "< 1 minggu", "sprint 1 — immediate", 0],
      ["Sprint 2 — High Priority", "1-2 minggu", "sprint 2 — high priority", 1],
    ]);
    const [revoke, runbook, backups] = await Promise.all([itemNamed(project.id, "Revoke the token"), itemNamed(project.id, "Write the runbook"), itemNamed(project.id, "Nightly backups")]);
    expect(revoke).toMatchObject({ position: 0, status: "todo", doneAt: null, effortMinutes: 15, effortMinutesHigh: null, effortText: "15 menit", files: [".git/config"], findings: [{ findingId: crit.id }] });
    expect(runbook).toMatchObject({ position: 1, status: "done", doneAt: expect.any(Date), effortMinutes: null });
    expect(backups).toMatchObject({ position: 0, effortMinutes: 1440, effortMinutesHigh: 2400, sprint: { name: "Sprint 2 — High Priority" } });
    expect(backups.findings).toEqual([{ itemId: backups.id, findingId: (await byRef(project.id, "HIGH-01")).id }]);

    expect(await getDb().category.findFirst({ where: { projectId: project.id, key: "ai_safety" } })).toMatchObject({ name: "AI safety", weight: 0.4, criticality: "medium", position: 15 });
    expect(await getDb().gateCriterion.findMany({ where: { projectId: project.id }, orderBy: { key: "asc" } })).toMatchObject([
      { key: "max_error_rate", threshold: 0.01, source: "report" },
      { key: "min_line_coverage", threshold: 80, label: "coverage ≥ 80 %", source: "report" },
    ]);
    expect(await getDb().metric.count({ where: { projectId: project.id } })).toBe(2);
    expect(await getDb().reportImport.findUniqueOrThrow({ where: { id: summary.importId } })).toMatchObject({
      fileName: "analysis.md", importedById: lead.id, actorLabel: `user:${lead.id}`, addedCount: 14, updatedCount: 0, unchangedCount: 1, missingCount: 0,
      detail: { title: "Infra analysis", added: { findings: 3, items: 3 } },
    });
    expect(await getDb().auditLog.findFirst({ where: { targetId: summary.importId } })).toMatchObject({ action: "report.import", projectId: project.id, actorId: lead.id });
  });

  it("imports the same report a second time without adding or changing anything", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    await run(userActor(lead), project.id, baseReport());
    const before = await projectRows(project.id);
    const lastSeen = await getDb().finding.findFirstOrThrow({ where: { projectId: project.id, ref: "CRIT-01" } });

    const again = await run(userActor(lead), project.id, baseReport());
    expect(again.added).toEqual(zero);
    expect(again.updated).toEqual(zero);
    expect(again.unchanged).toEqual({ findings: 3, strengths: 1, sprints: 2, items: 3, categories: 2, gateCriteria: 2, metrics: 2 });
    expect(again.missing).toEqual([]);
    expect(await projectRows(project.id)).toEqual(before);
    const seenAgain = await getDb().finding.findFirstOrThrow({ where: { id: lastSeen.id } });
    expect(seenAgain.lastSeenAt.getTime()).toBeGreaterThan(lastSeen.lastSeenAt.getTime());
    expect(await getDb().reportImport.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("updates what the report owns from an edited version, and keeps what people changed in the app", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const actor = userActor(lead);
    await run(actor, project.id, baseReport());
    const [crit, high] = await Promise.all([byRef(project.id, "CRIT-01"), byRef(project.id, "HIGH-01")]);
    // People at work in the app: a severity set by hand, a status, an item moved and one ticked.
    await updateFinding(actor, project.id, high.id, { severity: "critical" });
    await setFindingStatus(actor, project.id, crit.id, { status: "in_progress" });
    const sprint1 = await getDb().sprint.findFirstOrThrow({ where: { projectId: project.id, position: 0 } });
    const [backups, revoke] = [await itemNamed(project.id, "Nightly backups"), await itemNamed(project.id, "Revoke the token")];
    await getDb().roadmapItem.update({ where: { id: backups.id }, data: { sprintId: sprint1.id, position: 5, version: { increment: 1 } } });
    await getDb().roadmapItem.update({ where: { id: revoke.id }, data: { status: "done", doneAt: new Date(), version: { increment: 1 } } });
    await getDb().gateCriterion.update({ where: { projectId_key: { projectId: project.id, key: "max_error_rate" } }, data: { source: "manual", threshold: 0.05 } });

    const edited = baseReport();
    edited.findings = [
      { ...edited.findings[0]!, title: "Token in .git/config", description: "Plaintext token, pushed.", severity: "high", locations: [{ file: ".git/config", line: 7 }] },
      { ...edited.findings[1]!, severity: "medium", recommendation: "Add a nightly job." },
      finding({ ref: "MED-01", title: "No resource limits", category: "performance" }),
    ];
    edited.strengths = [];
    edited.sprints[0]!.items[0]!.effort = { text: "30 menit", minutes: 30, minutesHigh: null };
    edited.sprints[1]!.items[0]!.files = ["backup/cron.yaml"];
    edited.gateCriteria = [
      { key: "min_line_coverage", threshold: 85, label: "coverage ≥ 85 %" },
      { key: "max_error_rate", threshold: 0.02, label: "error rate < 2 %" },
    ];
    const summary = await run(actor, project.id, edited, "analysis-v2.md");

    expect(summary).toMatchObject({
      added: { ...zero, findings: 1 },
      updated: { ...zero, findings: 2, items: 2, gateCriteria: 1 },
      unchanged: { findings: 0, strengths: 0, sprints: 2, items: 1, categories: 2, gateCriteria: 1, metrics: 2 },
    });
    expect(summary.missing).toEqual(
      expect.arrayContaining([
        { type: "finding", id: expect.any(String), ref: null, title: "NetworkPolicy  for all Namespaces" },
        { type: "strength", id: expect.any(String), ref: null, title: "Kustomize overlays" },
      ]),
    );
    expect(summary.missing).toHaveLength(2);

    const critAfter = await getDb().finding.findUniqueOrThrow({ where: { id: crit.id }, include: { locations: true, events: { where: { note: "report import" } } } });
    expect(critAfter).toMatchObject({ title: "Token in .git/config", description: "Plaintext token, pushed.", severity: "high", status: "in_progress", locations: [{ file: ".git/config", line: 7 }] });
    expect(critAfter.events.map((e) => [e.field, e.fromValue, e.toValue]).sort()).toEqual([
      ["created", null, "open"],
      ["description", "Plaintext token.", "Plaintext token, pushed."],
      ["location", ".git/config", ".git/config:7"],
      ["severity", "critical", "high"],
      ["title", "Token in git config", "Token in .git/config"],
    ]);
    // The hand-set severity stays; the recommendation, which the report owns, is taken.
    expect(await getDb().finding.findUniqueOrThrow({ where: { id: high.id } })).toMatchObject({ severity: "critical", recommendation: "Add a nightly job." });
    // Missing rows are listed, not touched.
    expect(await getDb().finding.count({ where: { projectId: project.id, ref: null, status: "open" } })).toBe(1);
    expect(await getDb().strength.count({ where: { projectId: project.id } })).toBe(1);

    const [backupsAfter, revokeAfter] = [await itemNamed(project.id, "Nightly backups"), await itemNamed(project.id, "Revoke the token")];
    expect(backupsAfter).toMatchObject({ sprintId: sprint1.id, position: 5, files: ["backup/cron.yaml"], version: 3 });
    expect(revokeAfter).toMatchObject({ status: "done", effortMinutes: 30, effortText: "30 menit", version: 3 });
    expect(await getDb().gateCriterion.findMany({ where: { projectId: project.id }, orderBy: { key: "asc" } })).toMatchObject([
      { key: "max_error_rate", threshold: 0.05, source: "manual" },
      { key: "min_line_coverage", threshold: 85, source: "report" },
    ]);

    // A severity an earlier import wrote is the report's to change again.
    edited.findings[0] = { ...edited.findings[0]!, severity: "medium" };
    const third = await run(actor, project.id, edited);
    expect(third.updated.findings).toBe(1);
    expect(await getDb().finding.findUniqueOrThrow({ where: { id: crit.id } })).toMatchObject({ severity: "medium", status: "in_progress" });
  });

  it("writes nothing when a later part of the report fails in the database", async () => {
    const project = await makeProject();
    const report = baseReport();
    // PostgreSQL refuses NUL in text: the gate criteria are written after findings and items.
    report.gateCriteria[1] = { ...report.gateCriteria[1]!, label: "error rate\u0000" };
    await expect(run(cliActor, project.id, report)).rejects.toThrow();
    const rows = await projectRows(project.id);
    expect([rows.findings, rows.strengths, rows.sprints, rows.items, rows.gateCriteria, rows.metrics].map((r) => r.length)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(rows.categories).toHaveLength(15);
    expect(await getDb().reportImport.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("answers a malformed report with a message per field, and an empty one with what it looks for", async () => {
    const project = await makeProject();
    const bad = { ...baseReport(), findings: [{ ...finding({ title: " " }), severity: "urgent" }], categories: [{ key: "x", name: "X", weight: 99, criticality: null }] };
    await expect(run(cliActor, project.id, bad)).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { "report.findings.0.title": [expect.any(String)], "report.findings.0.severity": ["Choose a severity."], "report.categories.0.weight": [expect.any(String)] },
    });
    await expect(importReport(cliActor, project.id, { report: baseReport(), fileName: " ", sha256: "nope" })).rejects.toMatchObject({
      code: "invalid", fieldErrors: { fileName: [expect.any(String)], sha256: [expect.any(String)] },
    });
    const empty: ParsedReport = { ...baseReport(), findings: [], strengths: [], sprints: [{ name: "Later", window: null, items: [] }], categories: [], gateCriteria: [], metrics: [] };
    await expect(run(cliActor, project.id, empty)).rejects.toMatchObject({ code: "unprocessable", message: expect.stringMatching(/^Nothing recognisable in this report\. The importer looks for: .*CRIT-01/) });
    expect(await getDb().finding.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("runs two imports of one report into one project one after the other", async () => {
    const project = await makeProject();
    const [a, b] = await Promise.all([run(cliActor, project.id, baseReport()), run(cliActor, project.id, baseReport())]);
    expect([a.added.findings, b.added.findings].sort()).toEqual([0, 3]);
    expect(await getDb().finding.count({ where: { projectId: project.id } })).toBe(3);
  });

  it("keeps two same-titled items of one sprint apart, and matches each to itself again", async () => {
    const project = await makeProject();
    const report = baseReport();
    report.sprints[0]!.items.push({ ...report.sprints[0]!.items[1]!, status: "todo" });
    expect((await run(cliActor, project.id, report)).added.items).toBe(4);
    const keys = (await getDb().roadmapItem.findMany({ where: { projectId: project.id, title: "Write the runbook" }, orderBy: { position: "asc" } })).map((i) => i.sourceKey);
    expect(keys).toEqual(["sprint 1 — immediate :: write the runbook", "sprint 1 — immediate :: write the runbook #2"]);
    expect((await run(cliActor, project.id, report)).unchanged.items).toBe(4);
  });
  it("imports a large report in batches, and re-imports it without a write per row", async () => {
    const project = await makeProject();
    const report: ParsedReport = {
      ...baseReport(),
      findings: Array.from({ length: 1200 }, (_, i) => finding({ ref: `M-${i}`, title: `Gap ${i}`, category: "security", locations: [{ file: `src/f${i}.ts`, line: i + 1 }] })),
      sprints: [{ name: "Backlog", window: null, items: Array.from({ length: 1200 }, (_, i) => ({ title: `Fix ${i}`, status: "todo" as const, effort: null, refs: [`M-${i}`], files: [] })) }],
    };
    const started = Date.now();
    const first = await run(cliActor, project.id, report);
    expect(first.added).toMatchObject({ findings: 1200, items: 1200 });
    expect(await getDb().roadmapItemFinding.count({ where: { item: { projectId: project.id } } })).toBe(1200);
    expect(await getDb().findingLocation.count({ where: { finding: { projectId: project.id } } })).toBe(1200);
    const again = await run(cliActor, project.id, report);
    expect(again.unchanged).toMatchObject({ findings: 1200, items: 1200 });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe("importReport with the seed reports", () => {
  const seed = (name: string) => parseReport(readFileSync(`lib/seed/reports/${name}`, "utf8"));

  it("imports seed 002 into a fresh project: 43 findings, 15 strengths, 4 sprints of 8/12/12/10 items", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const summary = await run(userActor(lead), project.id, seed("002_dd5bbc5571d6b528.txt"), "002.md");
    expect(summary.added).toMatchObject({ findings: 43, strengths: 15, sprints: 4, items: 42 });
    const db = getDb();
    const groups = await db.finding.groupBy({ by: ["severity", "kind"], where: { projectId: project.id }, _count: true });
    const count = (where: (g: (typeof groups)[number]) => boolean) => groups.filter(where).reduce((n, g) => n + g._count, 0);
    expect(count((g) => g.severity === "critical")).toBe(1);
    expect(await db.finding.count({ where: { projectId: project.id, ref: { startsWith: "HIGH-" }, severity: "high" } })).toBe(6);
    expect(await db.finding.count({ where: { projectId: project.id, ref: { startsWith: "MED-" }, severity: "medium" } })).toBe(9);
    expect(count((g) => g.kind === "inconsistency" && g.severity === "low")).toBe(12);
    expect(count((g) => g.kind === "missing")).toBe(15);
    expect(await db.finding.findFirst({ where: { projectId: project.id, ref: "CRIT-01" }, include: { locations: true } })).toMatchObject({ locations: [{ file: ".git/config" }] });
    expect(await db.strength.count({ where: { projectId: project.id } })).toBe(15);
    const sprints = await db.sprint.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" }, include: { _count: { select: { items: true } } } });
    expect(sprints.map((s) => s._count.items)).toEqual([8, 12, 12, 10]);
    const effort = await db.roadmapItem.aggregate({ where: { projectId: project.id }, _sum: { effortMinutes: true } });
    expect(effort._sum.effortMinutes).toBe(405 + 2400 + 2970 + 12960);

    const again = await run(userActor(lead), project.id, seed("002_dd5bbc5571d6b528.txt"), "002.md");
    expect(again.added).toEqual(zero);
    expect(again.updated).toEqual(zero);
    expect(again.missing).toEqual([]);
  });

  it("re-imports an edited seed 002: takes what the text changed, keeps a hand-set severity, a status and a moved item", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    const actor = userActor(lead);
    const text = readFileSync("lib/seed/reports/002_dd5bbc5571d6b528.txt", "utf8");
    await run(actor, project.id, parseReport(text), "002.md");
    const [crit, high1] = await Promise.all([byRef(project.id, "CRIT-01"), byRef(project.id, "HIGH-01")]);
    const sprint4 = await getDb().sprint.findFirstOrThrow({ where: { projectId: project.id, position: 3 } });
    const revoke = await getDb().roadmapItem.findFirstOrThrow({ where: { projectId: project.id, title: { startsWith: "Revoke & rotate" } } });
    await updateFinding(actor, project.id, high1.id, { severity: "critical" });
    await setFindingStatus(actor, project.id, crit.id, { status: "resolved" });
    await getDb().roadmapItem.update({ where: { id: revoke.id }, data: { sprintId: sprint4.id } });

    const edit = (source: string, from: RegExp, to: string) => {
      expect(source).toMatch(from);
      return source.replace(from, to);
    };
    let edited = edit(text, /### CRIT-01: Git Config Mengandung GitHub Access Token Plaintext/, "### CRIT-01: Git Config Holds a Plaintext GitHub Token");
    edited = edit(edited, /PostgreSQL berjalan sebagai StatefulSet dengan \*\*1 replica\*\*/, "PostgreSQL berjalan sebagai StatefulSet dengan **satu replica**");
    edited = edit(edited, /(\*\*Revoke & rotate GitHub token yang bocor\*\* \| `\.git\/config` \| )15 menit/, "$120 menit");
    const summary = await run(actor, project.id, parseReport(edited), "002-v2.md");

    expect(summary.added).toEqual(zero);
    expect(summary.updated).toMatchObject({ findings: 2, items: 1, strengths: 0, sprints: 0 });
    expect(summary.missing).toEqual([]);
    expect(await getDb().finding.findUniqueOrThrow({ where: { id: crit.id } })).toMatchObject({ title: "Git Config Holds a Plaintext GitHub Token", status: "resolved" });
    // The report still says HIGH; the severity a person set stays, the new description is taken.
    expect(await getDb().finding.findUniqueOrThrow({ where: { id: high1.id } })).toMatchObject({ severity: "critical", description: expect.stringContaining("dengan satu replica") });
    expect(await getDb().roadmapItem.findUniqueOrThrow({ where: { id: revoke.id } })).toMatchObject({ sprintId: sprint4.id, effortMinutes: 20, effortText: "20 menit", version: 2 });
  });

  it("imports every seed and fixture report, each twice, the second time changing nothing", { timeout: 120_000 }, async () => {
    const seeds = ["000_6b8ad34f52a79d74.txt", "001_04bf99f8f6852cab.txt", "003_010c5633cdc2941b.txt", "004_479f8bec1b2050ea.txt"].map((n) => `lib/seed/reports/${n}`);
    const fixtures = readdirSync("tests/fixtures/reports").filter((n) => /^\d+-.*\.md$/.test(n)).map((n) => `tests/fixtures/reports/${n}`);
    expect(fixtures.length).toBeGreaterThan(0);
    for (const name of [...seeds, ...fixtures]) {
      const project = await makeProject();
      const report = parseReport(readReportText(readFileSync(name), name));
      const first = await run(cliActor, project.id, report, name);
      expect(Object.values(first.added).reduce((a, b) => a + b, 0), name).toBeGreaterThan(0);
      const before = await projectRows(project.id);
      const again = await run(cliActor, project.id, report, name);
      expect([again.added, again.updated], name).toEqual([zero, zero]);
      expect(await projectRows(project.id), name).toEqual(before);
    }
  });
});
