import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";
import { createFindingItems, effortFrom, lockRoadmap, recordItemEvents, staleItem, type ItemChange } from "@/lib/roadmap/roadmap-step";
import { createItemSchema, planFindingsSchema, updateItemSchema } from "@/lib/roadmap/schema";
import { parseInput } from "@/lib/validation";

// Roadmap items made by hand or from findings, and their edits. Effort and links feed "what the
// next level takes", so a change to either refreshes the project's readiness.

async function checkSprint(tx: Tx, projectId: string, sprintId: string | null) {
  if (!sprintId) return null;
  const sprint = await tx.sprint.findFirst({ where: { id: sprintId, projectId }, select: { id: true, name: true, closedAt: true } });
  if (!sprint) throw new AppError("not_found", "That sprint does not exist in this project.");
  if (sprint.closedAt) throw new AppError("invalid", "That sprint is closed; add the item to an open sprint or the backlog.");
  return sprint;
}

async function checkFindings(tx: Tx, projectId: string, ids: string[]) {
  if (!ids.length) return [];
  const found = await tx.finding.findMany({ where: { id: { in: ids }, projectId }, select: { id: true, ref: true, title: true } });
  if (found.length !== new Set(ids).size) throw new AppError("invalid", "Some fields need attention.", { findingIds: ["Each finding must belong to this project."] });
  return found;
}

const nextPosition = async (tx: Tx, projectId: string, sprintId: string | null) =>
  ((await tx.roadmapItem.aggregate({ where: { projectId, sprintId }, _max: { position: true } }))._max.position ?? -1) + 1;

export async function createItem(actor: Actor, projectId: string, input: unknown) {
  const data = parseInput(createItemSchema, input);
  const effort = effortFrom(data.effort);
  const item = await getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    await checkSprint(tx, projectId, data.sprintId);
    await checkFindings(tx, projectId, data.findingIds);
    if (data.assigneeId && !(await tx.user.findUnique({ where: { id: data.assigneeId }, select: { id: true } }))) {
      throw new AppError("invalid", "Some fields need attention.", { assigneeId: ["No such user."] });
    }
    const created = await tx.roadmapItem.create({
      data: {
        projectId, sprintId: data.sprintId, title: data.title, description: data.description, assigneeId: data.assigneeId, ...effort,
        position: await nextPosition(tx, projectId, data.sprintId),
        findings: { create: [...new Set(data.findingIds)].map((findingId) => ({ findingId })) },
      },
    });
    await recordItemEvents(tx, actor, [{ itemId: created.id, field: "created", from: null, to: created.title }]);
    await recordAudit(tx, actor, { action: "item.create", targetType: "roadmapItem", targetId: created.id, projectId, detail: { title: created.title } });
    return created;
  });
  if (data.findingIds.length) await noteReadinessChange(projectId);
  return item;
}

export async function updateItem(actor: Actor, projectId: string, itemId: string, input: unknown) {
  const { version, effort, ...fields } = parseInput(updateItemSchema, input);
  const result = await getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    const before = await tx.roadmapItem.findFirst({ where: { id: itemId, projectId }, include: { assignee: { select: { email: true } } } });
    if (!before) throw new AppError("not_found", "That roadmap item does not exist in this project.");
    if (before.version !== version) throw staleItem();
    const data: Record<string, unknown> = {};
    const changes: ItemChange[] = [];
    if (fields.title !== undefined && fields.title !== before.title) {
      data.title = fields.title;
      changes.push({ itemId: before.id, field: "title", from: before.title, to: fields.title });
    }
    if (fields.description !== undefined && fields.description !== before.description) data.description = fields.description;
    if (effort !== undefined && (effort ?? null) !== before.effortText) {
      Object.assign(data, effortFrom(effort));
      changes.push({ itemId: before.id, field: "effort", from: before.effortText, to: effort ?? null });
    }
    if (fields.assigneeId !== undefined && fields.assigneeId !== before.assigneeId) {
      const assignee = fields.assigneeId ? await tx.user.findUnique({ where: { id: fields.assigneeId }, select: { email: true } }) : null;
      if (fields.assigneeId && !assignee) throw new AppError("invalid", "Some fields need attention.", { assigneeId: ["No such user."] });
      data.assigneeId = fields.assigneeId;
      changes.push({ itemId: before.id, field: "assignee", from: before.assignee?.email ?? null, to: assignee?.email ?? null });
    }
    if (!Object.keys(data).length) return { item: before, effortChanged: false };
    const item = await tx.roadmapItem.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } });
    await recordItemEvents(tx, actor, changes);
    await recordAudit(tx, actor, { action: "item.update", targetType: "roadmapItem", targetId: item.id, projectId, detail: { fields: changes.map((c) => c.field) } });
    return { item, effortChanged: "effortMinutes" in data };
  });
  if (result.effortChanged) await noteReadinessChange(projectId);
  return result.item;
}

/** One item per chosen finding, linked to it, at the end of a sprint (or the backlog; sprint ""). */
export async function planFindings(actor: Actor, projectId: string, input: unknown) {
  const { sprintId, findingIds } = parseInput(planFindingsSchema, input);
  const items = await getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    const sprint = await checkSprint(tx, projectId, sprintId);
    const unique = [...new Set(findingIds)];
    const found = new Map((await checkFindings(tx, projectId, unique)).map((f) => [f.id, f]));
    const first = await nextPosition(tx, projectId, sprintId);
    // In the order chosen, so a list sorted by severity becomes a sprint in that order.
    const created = await createFindingItems(tx, actor, projectId, unique.map((id, n) => ({ sprintId, position: first + n, finding: found.get(id)! })));
    await recordAudit(tx, actor, { action: "item.plan", targetType: "sprint", targetId: sprint?.id, projectId, detail: { findings: created.length, sprint: sprint?.name ?? "Backlog" } });
    return { count: created.length, sprint: sprint?.name ?? "", items: created };
  });
  await noteReadinessChange(projectId);
  return items;
}
