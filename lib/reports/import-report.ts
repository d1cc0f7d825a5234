import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { checkReportHasContent } from "@/lib/reports/check-report-has-content";
import { importCategories } from "@/lib/reports/import-report-categories";
import { importFindings } from "@/lib/reports/import-report-findings";
import { importGateCriteria, importMetrics } from "@/lib/reports/import-report-measures";
import { importRoadmap } from "@/lib/reports/import-report-roadmap";
import { importStrengths } from "@/lib/reports/import-report-strengths";
import type { Counts, ImportStep, MissingRow } from "@/lib/reports/import-step";
import { findingFingerprints, itemKeys, sprintKeys, strengthKeys } from "@/lib/reports/report-keys";
import { parsedReportSchema } from "@/lib/reports/schema";
import { parseInput } from "@/lib/validation";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";

export const importReportSchema = z.object({
  report: parsedReportSchema,
  fileName: z.string().trim().min(1, "Name the file.").max(255, "At most 255 characters."),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "A sha256 in hex."),
});

const types = ["findings", "strengths", "sprints", "items", "categories", "gateCriteria", "metrics"] as const;
type PerType = Record<(typeof types)[number], number>;

export type ImportSummary = { importId: string; added: PerType; updated: PerType; unchanged: PerType; missing: MissingRow[] };

const sum = (counts: PerType) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * Imports a parsed report into a project in one transaction: adds what is new, updates what the
 * report owns and changed, keeps what people did in the app, and lists (without touching) what
 * earlier imports created that this report no longer has. Importing the same report again
 * changes nothing.
 */
export async function importReport(actor: Actor, projectId: string, input: { report: unknown; fileName: string; sha256: string }): Promise<ImportSummary> {
  const { report, fileName, sha256 } = parseInput(importReportSchema, input);
  checkReportHasContent(report);
  const result = await getDb().$transaction(
    async (tx) => {
      // One import per project at a time: two at once would both create the same new rows.
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('readyboard.report-import'), hashtext(${projectId}))`;
      const step: ImportStep = { tx, actor, projectId, now: new Date() };
      const categories = await importCategories(step, report.categories);
      const findings = await importFindings(step, report.findings, findingFingerprints(report), categories.categories);
      const strengths = await importStrengths(step, report.strengths, strengthKeys(report));
      const roadmap = await importRoadmap(step, report.sprints, sprintKeys(report), itemKeys(report));
      const counts: Record<(typeof types)[number], Counts> = {
        findings: findings.counts,
        strengths: strengths.counts,
        sprints: roadmap.sprints,
        items: roadmap.items,
        categories: categories.counts,
        gateCriteria: await importGateCriteria(step, report.gateCriteria),
        metrics: await importMetrics(step, report.metrics),
      };
      const pick = (k: keyof Counts) => Object.fromEntries(types.map((t) => [t, counts[t][k]])) as PerType;
      const [added, updated, unchanged] = [pick("added"), pick("updated"), pick("unchanged")];
      const missing = [...findings.missing, ...roadmap.missing, ...strengths.missing];
      const missingPerType = { findings: findings.missing.length, items: roadmap.missing.length, strengths: strengths.missing.length };

      const row = await tx.reportImport.create({
        data: {
          projectId, fileName, sha256, importedById: actor.id, actorLabel: actor.label,
          addedCount: sum(added), updatedCount: sum(updated), unchangedCount: sum(unchanged), missingCount: missing.length,
          detail: { title: report.title, added, updated, unchanged, missing: missingPerType },
        },
      });
      await recordAudit(tx, actor, {
        action: "report.import",
        targetType: "reportImport",
        targetId: row.id,
        projectId,
        detail: { fileName, sha256, added: row.addedCount, updated: row.updatedCount, unchanged: row.unchangedCount, missing: row.missingCount },
      });
      return { importId: row.id, added, updated, unchanged, missing };
    },
    { timeout: 60_000 },
  );
  await noteReadinessChange(projectId);
  return result;
}
