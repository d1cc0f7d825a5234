import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { setFindingStatusSchema } from "@/lib/findings/schema";
import { parseInput } from "@/lib/validation";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";

/**
 * Moves a finding to a status. Resolving stamps resolvedAt and any other status clears it;
 * accepting a risk keeps its expiry and reason, and may be repeated to extend it.
 */
export async function setFindingStatus(actor: Actor, projectId: string, findingId: string, input: unknown) {
  const { status, statusReason = null, riskAcceptedUntil } = parseInput(setFindingStatusSchema, input);
  const result = await getDb().$transaction(async (tx) => {
    const before = await tx.finding.findFirst({ where: { id: findingId, projectId } });
    if (!before) throw new AppError("not_found", "That finding does not exist in this project.");
    if (before.status === status && status !== "risk_accepted") return before;
    const finding = await tx.finding.update({
      where: { id: before.id },
      data: {
        status,
        statusReason,
        riskAcceptedUntil: status === "risk_accepted" ? riskAcceptedUntil : null,
        resolvedAt: status === "resolved" ? new Date() : null,
        events: { create: [{ actorId: actor.id, field: "status", fromValue: before.status, toValue: status, note: statusReason }] },
      },
    });
    await recordAudit(tx, actor, {
      action: "finding.status",
      targetType: "finding",
      targetId: finding.id,
      projectId,
      detail: { from: before.status, to: status },
    });
    return finding;
  });
  await noteReadinessChange(projectId);
  return result;
}
