import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { setGateCriteriaSchema } from "@/lib/maturity/gate-schema";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";
import { parseInput } from "@/lib/validation";

/** Sets the named criteria of a project's gate (a lead's choice: a later report import keeps it). */
export async function setGateCriteria(actor: Actor, projectId: string, input: unknown) {
  const { criteria } = parseInput(setGateCriteriaSchema, input);
  await getDb().$transaction(async (tx) => {
    for (const c of criteria) {
      await tx.gateCriterion.upsert({
        where: { projectId_key: { projectId, key: c.key } },
        create: { projectId, key: c.key, threshold: c.threshold, enabled: c.enabled, source: "manual" },
        update: { threshold: c.threshold, enabled: c.enabled, source: "manual", label: null },
      });
    }
    await recordAudit(tx, actor, { action: "gate.update", targetType: "project", targetId: projectId, projectId, detail: { criteria } });
  });
  await noteReadinessChange(projectId);
}
