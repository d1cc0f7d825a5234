import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseEffort } from "@/lib/reports/parse-effort";

// What the roadmap's writes share: one lock per project (moves renumber whole columns, so two
// at once would interleave), the item history, the conflict answer and effort text.

export async function lockRoadmap(tx: Tx, projectId: string): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('readyboard.roadmap'), hashtext(${projectId}))`;
}

export type ItemChange = { field: string; from: string | null; to: string | null };

export async function recordItemEvents(tx: Tx, actor: Actor, itemId: string, changes: ItemChange[]): Promise<void> {
  if (!changes.length) return;
  await tx.roadmapItemEvent.createMany({ data: changes.map((c) => ({ itemId, actorId: actor.id, field: c.field, fromValue: c.from, toValue: c.to })) });
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

/** Positions 0…n−1 for ids in order, in one statement. */
export async function renumber(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await tx.$executeRaw`
    update "RoadmapItem" i set position = v.position
    from unnest(${ids}::text[], ${ids.map((_, n) => n)}::int[]) as v(id, position)
    where i.id = v.id and i.position <> v.position`;
}

/** A column's items in board order: position, then age (imports may leave ties). */
export async function columnIds(tx: Tx, projectId: string, sprintId: string | null, except?: string): Promise<string[]> {
  const rows = await tx.roadmapItem.findMany({
    where: { projectId, sprintId, ...(except ? { id: { not: except } } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
