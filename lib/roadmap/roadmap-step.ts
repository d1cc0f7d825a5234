import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseEffort } from "@/lib/reports/parse-effort";

// What the roadmap's writes share: one lock per project (moves renumber whole columns, so two
// at once would interleave), the item history, items made from findings, the conflict answer
// and effort text.

export async function lockRoadmap(tx: Tx, projectId: string): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('readyboard.roadmap'), hashtext(${projectId}))`;
}

export type ItemChange = { itemId: string; field: string; from: string | null; to: string | null };

/** The history of one item or of many (a sprint's close moves them all), in one statement. */
export async function recordItemEvents(tx: Tx, actor: Actor, changes: ItemChange[]): Promise<void> {
  if (!changes.length) return;
  await tx.roadmapItemEvent.createMany({ data: changes.map((c) => ({ itemId: c.itemId, actorId: actor.id, field: c.field, fromValue: c.from, toValue: c.to })) });
}

export type FindingItem = { sprintId: string | null; position: number; finding: { id: string; ref: string | null; title: string }; effortMinutes?: number | null };

/**
 * One item per finding, titled after it ("CRIT-01: …") and linked to it, with its history begun:
 * three statements however many findings. Returned in the order given.
 */
export async function createFindingItems(tx: Tx, actor: Actor, projectId: string, planned: FindingItem[]) {
  if (!planned.length) return [];
  const items = await tx.roadmapItem.createManyAndReturn({
    data: planned.map(({ sprintId, position, finding: f, effortMinutes }) => ({
      projectId, sprintId, position, effortMinutes, title: (f.ref ? `${f.ref}: ${f.title}` : f.title).slice(0, 500),
    })),
  });
  // Matched by place, which is unique within one call, not by the order the rows come back in.
  const place = (i: { sprintId: string | null; position: number }) => `${i.sprintId}:${i.position}`;
  const byPlace = new Map(items.map((item) => [place(item), item]));
  const ordered = planned.map((p) => byPlace.get(place(p))!);
  await tx.roadmapItemFinding.createMany({ data: planned.map((p, n) => ({ itemId: ordered[n]!.id, findingId: p.finding.id })) });
  await recordItemEvents(tx, actor, ordered.map((item) => ({ itemId: item.id, field: "created", from: null, to: item.title })));
  return ordered;
}

/** The item someone else changed since the caller read it: refuse, so nothing is overwritten unseen. */
export function staleItem(): AppError {
  return new AppError("conflict", "Someone changed this item since you loaded the board. The board now shows it as it is; try again.");
}

/** "2 h", "3-5 hari", "30 min" → minutes; a text that is not an effort is a field error. */
export function effortFrom(text: string | null | undefined): { effortMinutes: number | null; effortMinutesHigh: number | null; effortText: string | null } {
  if (!text) return { effortMinutes: null, effortMinutesHigh: null, effortText: null };
  const effort = parseEffort(text);
  if (!effort) throw new AppError("invalid", "Some fields need attention.", { effort: ["Write the effort like 30 min, 2 h, 3-5 d or 1 week."] });
  return { effortMinutes: effort.minutes, effortMinutesHigh: effort.minutesHigh, effortText: effort.text };
}

/** Where a new sprint goes: after the last one. */
export async function nextSprintPosition(tx: Tx, projectId: string): Promise<number> {
  return ((await tx.sprint.aggregate({ where: { projectId }, _max: { position: true } }))._max.position ?? -1) + 1;
}

/** Positions 0…n−1 for ids in order, in one statement. */
export async function renumber(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await tx.$executeRaw`
    update "RoadmapItem" i set position = v.position
    from unnest(${ids}::text[], ${ids.map((_, n) => n)}::int[]) as v(id, position)
    where i.id = v.id and i.position <> v.position`;
}

/** A column's items in board order: position, then age (imports may leave ties). */
export async function columnIds(tx: Tx, projectId: string, sprintId: string | null): Promise<string[]> {
  const rows = await tx.roadmapItem.findMany({
    where: { projectId, sprintId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
