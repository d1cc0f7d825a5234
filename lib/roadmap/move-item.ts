import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { moveItemSchema } from "@/lib/roadmap/schema";
import { columnIds, lockRoadmap, recordItemEvents, renumber, staleItem } from "@/lib/roadmap/roadmap-step";
import { parseInput } from "@/lib/validation";

/**
 * Moves an item into a sprint (or the backlog) at a place among the items there, renumbering
 * both columns. Refused when the item changed since the caller read it (its version).
 */
export async function moveItem(actor: Actor, projectId: string, itemId: string, input: unknown) {
  const { version, sprintId, index } = parseInput(moveItemSchema, input);
  return getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    const item = await tx.roadmapItem.findFirst({ where: { id: itemId, projectId }, include: { sprint: { select: { name: true } } } });
    if (!item) throw new AppError("not_found", "That roadmap item does not exist in this project.");
    if (item.version !== version) throw staleItem();
    const target = sprintId ? await tx.sprint.findFirst({ where: { id: sprintId, projectId }, select: { id: true, name: true, closedAt: true } }) : null;
    if (sprintId && !target) throw new AppError("not_found", "That sprint does not exist in this project.");
    if (target?.closedAt) throw new AppError("invalid", "That sprint is closed; move the item to an open sprint or the backlog.");

    // The lock holds both columns still, so each is read once.
    const source = await columnIds(tx, projectId, item.sprintId);
    const from = source.indexOf(item.id);
    const left = source.filter((id) => id !== item.id);
    const sameColumn = item.sprintId === sprintId;
    const others = sameColumn ? left : await columnIds(tx, projectId, sprintId);
    const place = Math.min(index, others.length);
    if (sameColumn && from === place) return item;

    const moved = await tx.roadmapItem.update({ where: { id: item.id }, data: { sprintId, version: { increment: 1 } } });
    await renumber(tx, [...others.slice(0, place), item.id, ...others.slice(place)]);
    if (!sameColumn) await renumber(tx, left);
    const change = sameColumn
      ? { field: "position", from: String(from + 1), to: String(place + 1) }
      : { field: "sprint", from: item.sprint?.name ?? "Backlog", to: target?.name ?? "Backlog" };
    await recordItemEvents(tx, actor, [{ itemId: item.id, ...change }]);
    await recordAudit(tx, actor, { action: "item.move", targetType: "roadmapItem", targetId: item.id, projectId, detail: { ...change, index: place } });
    return { ...moved, position: place };
  });
}
