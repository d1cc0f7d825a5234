import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

export async function deleteFinding(actor: Actor, projectId: string, findingId: string) {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.finding.deleteMany({ where: { id: findingId, projectId } });
    if (count === 0) throw new AppError("not_found", "That finding does not exist in this project.");
    await recordAudit(tx, actor, { action: "finding.delete", targetType: "finding", targetId: findingId, projectId });
  });
}
