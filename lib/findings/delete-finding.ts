import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";

/** Deletes a finding with its locations and history; the audit log keeps what it was. */
export async function deleteFinding(actor: Actor, projectId: string, findingId: string) {
  await getDb().$transaction(async (tx) => {
    const finding = await tx.finding.findFirst({ where: { id: findingId, projectId }, select: { id: true, ref: true, title: true } });
    if (!finding) throw new AppError("not_found", "That finding does not exist in this project.");
    await tx.finding.delete({ where: { id: finding.id } });
    await recordAudit(tx, actor, {
      action: "finding.delete",
      targetType: "finding",
      targetId: finding.id,
      projectId,
      detail: { ref: finding.ref, title: finding.title },
    });
  });
  await noteReadinessChange(projectId);
}
