import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";
import { lockRoadmap, recordItemEvents, staleItem } from "@/lib/roadmap/roadmap-step";
import { setItemStatusSchema } from "@/lib/roadmap/schema";
import { parseInput } from "@/lib/validation";

/**
 * Moves an item to to do, doing or done. Ticking it done resolves the linked findings the caller
 * chose (by whom, when and via which item is in their history); reopening it reopens the
 * chosen ones. Findings not linked to the item are never touched.
 */
export async function setItemStatus(actor: Actor, projectId: string, itemId: string, input: unknown) {
  const { version, status, resolveFindings, reopenFindings } = parseInput(setItemStatusSchema, input);
  const result = await getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    const item = await tx.roadmapItem.findFirst({ where: { id: itemId, projectId }, include: { findings: { select: { findingId: true } } } });
    if (!item) throw new AppError("not_found", "That roadmap item does not exist in this project.");
    if (item.version !== version) throw staleItem();
    if (item.status === status) return { item, resolved: 0, reopened: 0 };
    const now = new Date();
    const updated = await tx.roadmapItem.update({
      where: { id: item.id },
      data: { status, doneAt: status === "done" ? now : null, version: { increment: 1 } },
    });
    await recordItemEvents(tx, actor, [{ itemId: item.id, field: "status", from: item.status, to: status }]);
    const linked = new Set(item.findings.map((f) => f.findingId));
    const note = `Roadmap item: ${item.title}`.slice(0, 300);
    const resolved = status === "done" ? await changeFindings(tx, actor, projectId, item.id, resolveFindings.filter((id) => linked.has(id)), ["open", "in_progress"], "resolved", note, now) : 0;
    const reopened = item.status === "done" ? await changeFindings(tx, actor, projectId, item.id, reopenFindings.filter((id) => linked.has(id)), ["resolved"], "open", note, now) : 0;
    await recordAudit(tx, actor, { action: "item.status", targetType: "roadmapItem", targetId: item.id, projectId, detail: { from: item.status, to: status, resolved, reopened } });
    return { item: updated, resolved, reopened };
  });
  if (result.resolved || result.reopened) await noteReadinessChange(projectId);
  return result;
}

async function changeFindings(tx: Tx, actor: Actor, projectId: string, itemId: string, ids: string[], from: ("open" | "in_progress" | "resolved")[], to: "resolved" | "open", note: string, now: Date) {
  if (!ids.length) return 0;
  const findings = await tx.finding.findMany({ where: { id: { in: ids }, projectId, status: { in: from } }, select: { id: true, status: true } });
  if (!findings.length) return 0;
  await tx.finding.updateMany({
    where: { id: { in: findings.map((f) => f.id) } },
    data: to === "resolved" ? { status: "resolved", resolvedAt: now, statusReason: note } : { status: "open", resolvedAt: null, statusReason: null },
  });
  await tx.findingEvent.createMany({ data: findings.map((f) => ({ findingId: f.id, actorId: actor.id, field: "status", fromValue: f.status, toValue: to, note, itemId, createdAt: now })) });
  return findings.length;
}
