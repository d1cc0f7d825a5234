import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { columnIds, lockRoadmap, nextSprintPosition, recordItemEvents, renumber } from "@/lib/roadmap/roadmap-step";
import { closeSprintSchema, createSprintSchema, reorderSprintsSchema, updateSprintSchema } from "@/lib/roadmap/schema";
import { parseInput } from "@/lib/validation";

// Sprints: created after the last, renamed, dated or given a text window, reordered, closed.

export async function createSprint(actor: Actor, projectId: string, input: unknown) {
  const data = parseInput(createSprintSchema, input);
  return getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    const sprint = await tx.sprint.create({ data: { projectId, ...data, position: await nextSprintPosition(tx, projectId) } });
    await recordAudit(tx, actor, { action: "sprint.create", targetType: "sprint", targetId: sprint.id, projectId, detail: { name: sprint.name } });
    return sprint;
  });
}

export async function updateSprint(actor: Actor, projectId: string, sprintId: string, input: unknown) {
  const data = parseInput(updateSprintSchema, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.sprint.findFirst({ where: { id: sprintId, projectId } });
    if (!before) throw new AppError("not_found", "That sprint does not exist in this project.");
    const startsOn = data.startsOn === undefined ? before.startsOn : data.startsOn;
    const endsOn = data.endsOn === undefined ? before.endsOn : data.endsOn;
    if (startsOn && endsOn && startsOn > endsOn) throw new AppError("invalid", "Some fields need attention.", { endsOn: ["The end comes on or after the start."] });
    const sprint = await tx.sprint.update({ where: { id: before.id }, data });
    await recordAudit(tx, actor, { action: "sprint.update", targetType: "sprint", targetId: sprint.id, projectId, detail: { fields: Object.keys(data) } });
    return sprint;
  });
}

export async function reorderSprints(actor: Actor, projectId: string, input: unknown) {
  const { sprintIds } = parseInput(reorderSprintsSchema, input);
  return getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    const sprints = await tx.sprint.findMany({ where: { projectId }, select: { id: true } });
    const known = new Set(sprints.map((s) => s.id));
    if (sprintIds.length !== known.size || !sprintIds.every((id) => known.has(id))) {
      throw new AppError("conflict", "The sprints changed since you loaded the board; reload it and reorder again.");
    }
    await tx.$executeRaw`
      update "Sprint" s set position = v.position
      from unnest(${sprintIds}::text[], ${sprintIds.map((_, n) => n)}::int[]) as v(id, position) where s.id = v.id`;
    await recordAudit(tx, actor, { action: "sprint.reorder", targetType: "project", targetId: projectId, projectId, detail: { sprintIds } });
  });
}

/**
 * Closes a sprint: its unfinished items move to the end of the next open sprint, or to the
 * backlog when there is none; done items stay with it for velocity.
 */
export async function closeSprint(actor: Actor, projectId: string, sprintId: string, input: unknown) {
  parseInput(closeSprintSchema, input);
  return getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    const sprint = await tx.sprint.findFirst({ where: { id: sprintId, projectId } });
    if (!sprint) throw new AppError("not_found", "That sprint does not exist in this project.");
    if (sprint.closedAt) throw new AppError("conflict", "That sprint is already closed.");
    const next = await tx.sprint.findFirst({
      where: { projectId, closedAt: null, id: { not: sprint.id }, OR: [{ position: { gt: sprint.position } }, { position: sprint.position, createdAt: { gt: sprint.createdAt } }] },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    });
    const inSprint = await tx.roadmapItem.findMany({
      where: { projectId, sprintId: sprint.id },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, status: true },
    });
    const unfinished = inSprint.filter((i) => i.status !== "done").map((i) => i.id);
    const targetId = next?.id ?? null;
    const to = next?.name ?? "Backlog";
    if (unfinished.length) {
      const existing = await columnIds(tx, projectId, targetId);
      await tx.roadmapItem.updateMany({ where: { id: { in: unfinished } }, data: { sprintId: targetId, version: { increment: 1 } } });
      await renumber(tx, [...existing, ...unfinished]);
      await renumber(tx, inSprint.filter((i) => i.status === "done").map((i) => i.id));
      await recordItemEvents(tx, actor, unfinished.map((itemId) => ({ itemId, field: "sprint", from: sprint.name, to })));
    }
    const closed = await tx.sprint.update({ where: { id: sprint.id }, data: { closedAt: new Date() } });
    await recordAudit(tx, actor, { action: "sprint.close", targetType: "sprint", targetId: sprint.id, projectId, detail: { moved: unfinished.length, to } });
    return { sprint: closed, moved: unfinished.length, movedTo: next ? { id: next.id, name: next.name } : null };
  });
}
