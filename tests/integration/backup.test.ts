import { randomBytes } from "node:crypto";
import { inject, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db";
import { userActor } from "@/lib/audit/record-audit";
import { exportBackup } from "@/lib/backup/export-backup";
import { importBackup, parseBackup } from "@/lib/backup/import-backup";
import { backupTables, orderKey } from "@/lib/backup/tables";
import { createFinding } from "@/lib/findings/create-finding";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { setItemStatus } from "@/lib/roadmap/set-item-status";
import { makeEmptyDatabase } from "@/tests/support/second-database";
import { makeProject, makeUser } from "@/tests/support/fixtures";

async function exportText(db: Db, project?: string) {
  let text = "";
  await exportBackup(db, (chunk) => void (text += chunk), { project });
  return text;
}

async function dump(db: Db) {
  const out: Record<string, unknown[]> = {};
  for (const { name } of backupTables) {
    const delegate = (db as unknown as Record<string, { findMany: (a: object) => Promise<unknown[]> }>)[name]!;
    out[name] = await delegate.findMany({ orderBy: orderKey(name).map((k) => ({ [k]: "asc" })) });
  }
  return out;
}

/** One row in every table, so the round trip covers the whole model. */
async function fillEveryTable() {
  const db = getDb();
  const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
  const finding = await createFinding(userActor(lead), project.id, { title: "Leak", severity: "critical", file: "a.ts", line: "4", assigneeId: lead.id });
  await setFindingStatus(userActor(lead), project.id, finding.id, { status: "in_progress" });
  const sprint = await db.sprint.create({ data: { projectId: project.id, name: "Sprint 1", position: 0, window: "< 1 minggu", sourceKey: "sprint 1" } });
  const item = await db.roadmapItem.create({
    data: { projectId: project.id, sprintId: sprint.id, title: "Rotate token", position: 0, effortMinutes: 480, effortMinutesHigh: 1200, effortText: "1-2.5 hari", files: ["a.ts"] },
  });
  await db.roadmapItemFinding.create({ data: { itemId: item.id, findingId: finding.id } });
  await setItemStatus(userActor(lead), project.id, item.id, { version: item.version, status: "done", resolveFindings: [finding.id] });
  await db.strength.create({ data: { projectId: project.id, title: "CI runs tests", detail: "✅ on every push", source: "report", sourceKey: "ci runs tests" } });
  const scan = await db.scan.create({ data: { projectId: project.id, tool: "trivy", format: "trivy-json", fileName: "t.json", sha256: "ab".repeat(32), createdCount: 3 } });
  await db.findingSource.create({ data: { projectId: project.id, findingId: finding.id, tool: "trivy", branch: "main", fingerprint: "f".repeat(40), ruleId: "CVE-2026-1", firstScanId: scan.id, lastScanId: scan.id } });
  await db.metric.create({ data: { projectId: project.id, scanId: scan.id, key: "coverage.line", value: 93.5, unit: "%" } });
  await db.gateCriterion.create({ data: { projectId: project.id, key: "min_line_coverage", threshold: 80 } });
  await db.snapshot.create({
    data: { projectId: project.id, score: 71.2, level: 2, categoryScores: { security: 40, "data governance": 88.5 }, openCritical: 1, openHigh: 0, openMedium: 0, openLow: 0, openInfo: 0, openTotal: 1, closedTotal: 0 },
  });
  await db.apiToken.create({ data: { projectId: project.id, name: "ci", tokenHash: randomBytes(32).toString("hex"), prefix: "rb_abc", createdById: lead.id } });
  await db.reportImport.create({
    data: { projectId: project.id, fileName: "analysis.md", sha256: "cd".repeat(32), importedById: lead.id, actorLabel: `user:${lead.id}`, addedCount: 2, detail: { added: { findings: 2 } } },
  });
  return project;
}

describe("backup", () => {
  it("round-trips every row of every table into an empty database", async () => {
    await fillEveryTable();
    const text = await exportText(getDb());
    const target = await makeEmptyDatabase(inject("databaseUrl"));
    try {
      const counts = await importBackup(target.client, parseBackup(text));
      expect(counts.finding).toBeGreaterThan(0);
      const [before, after] = [await dump(getDb()), await dump(target.client)];
      for (const { name } of backupTables) {
        expect(after[name], name).toEqual(before[name]);
        expect(before[name]!.length, name).toBeGreaterThan(0);
      }
      // A second import of the same file is refused whole and changes nothing.
      await expect(importBackup(target.client, parseBackup(text))).rejects.toMatchObject({ code: "conflict" });
      expect(await dump(target.client)).toEqual(after);
    } finally {
      await target.client.$disconnect();
    }
  });

  it("exports one project with only its rows and the users they mention", async () => {
    const project = await fillEveryTable();
    const other = await makeProject();
    const backup = parseBackup(await exportText(getDb(), project.slug));
    expect(backup.scope.project).toBe(project.slug);
    expect(backup.tables.project.map((p) => p.slug)).toEqual([project.slug]);
    expect(backup.tables.category).toHaveLength(15);
    expect(backup.tables.finding.every((f) => f.projectId === project.id)).toBe(true);
    expect(backup.tables.project.some((p) => p.id === other.id)).toBe(false);
    expect(backup.tables.user.length).toBe(1);
  });

  it("refuses files that are not a backup of this version, saying why", () => {
    expect(() => parseBackup("{not json")).toThrow(/not valid JSON/);
    expect(() => parseBackup(JSON.stringify({ format: "other" }))).toThrow(/Not a Readyboard backup/);
    expect(() => parseBackup(JSON.stringify({ format: "readyboard-backup", version: 9, exportedAt: "x", scope: { project: null }, tables: {} }))).toThrow(/version 1/);
  });
});
