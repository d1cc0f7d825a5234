import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { checkFindingReferences } from "@/lib/findings/check-finding-references";
import { createFindingSchema } from "@/lib/findings/schema";
import { parseInput } from "@/lib/validation";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";

/** Records a finding entered by hand, with its location and a "created" event. */
export async function createFinding(actor: Actor, projectId: string, input: unknown) {
  const { file, line, ...fields } = parseInput(createFindingSchema, input);
  const result = await getDb().$transaction(async (tx) => {
    await checkFindingReferences(tx, projectId, fields);
    const finding = await tx.finding.create({
      data: {
        ...fields,
        projectId,
        source: "manual",
        // Imports match findings by fingerprint; a hand-made finding must never match one.
        fingerprint: `manual:${randomUUID()}`,
        locations: file ? { create: [{ file, line }] } : undefined,
        events: { create: [{ actorId: actor.id, field: "created", toValue: "open" }] },
      },
    });
    await recordAudit(tx, actor, {
      action: "finding.create",
      targetType: "finding",
      targetId: finding.id,
      projectId,
      detail: { title: finding.title, severity: finding.severity },
    });
    return finding;
  });
  await noteReadinessChange(projectId);
  return result;
}
