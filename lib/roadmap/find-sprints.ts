import "server-only";
import { getDb } from "@/lib/db";

/**
 * A project's sprints in order with item counts, done counts and effort sums, aggregated in
 * SQL (one query, whatever the number of items).
 */
export async function findSprints(projectId: string) {
  const rows = await getDb().$queryRaw<
    { id: string; name: string; window: string | null; closedAt: Date | null; items: bigint; done: bigint; effortLow: bigint | null; effortHigh: bigint | null }[]
  >`
    select s.id, s.name, s."window", s."closedAt",
           count(i.id) as items,
           count(i.id) filter (where i.status = 'done') as done,
           sum(i."effortMinutes") as "effortLow",
           sum(coalesce(i."effortMinutesHigh", i."effortMinutes")) as "effortHigh"
    from "Sprint" s
    left join "RoadmapItem" i on i."sprintId" = s.id
    where s."projectId" = ${projectId}
    group by s.id
    order by s.position, s."createdAt"`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    window: r.window,
    closed: r.closedAt !== null,
    items: Number(r.items),
    done: Number(r.done),
    effortMinutes: r.effortLow === null ? null : Number(r.effortLow),
    effortMinutesHigh: r.effortHigh === null ? null : Number(r.effortHigh),
  }));
}
