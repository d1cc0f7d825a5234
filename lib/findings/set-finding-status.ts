import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { setFindingStatusSchema, type SetFindingStatusInput } from "@/lib/findings/schema";
import { parseInput } from "@/lib/validation";

/** Moves a finding to a new status; resolving stamps resolvedAt, reopening clears it. */
export async function setFindingStatus(actor: Actor, projectId: string, findingId: string, input: SetFindingStatusInput | Record<string, unknown>) {
  const data = parseInput(setFindingStatusSchema, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.finding.findFirst({ where: { id: findingId, projectId } });
    if (!before) throw new AppError("not_found", "That finding does not exist in this project.");
    if (before.status === data.status && data.status !== "risk_accepted") return before;
    const finding = await tx.finding.update({
      where: { id: before.id },
      data: {
        status: data.status,
        statusReason: data.statusReason ?? null,
        riskAcceptedUntil: data.status === "risk_accepted" ? data.riskAcceptedUntil : null,
        resolvedAt: data.status === "resolved" ? new Date() : null,
        events: {
          create: [{ actorId: actor.id, field: "status", fromValue: before.status, toValue: data.status, note: data.statusReason ?? null }],
        },
      },
    });
    await recordAudit(tx, actor, {
      action: "finding.status",
      targetType: "finding",
      targetId: finding.id,
      projectId,
      detail: { from: before.status, to: data.status },
    });
    return finding;
  });
}
