import "server-only";
import { getDb } from "@/lib/db";

// Every project on one page from what each change already wrote (its Readiness row and its
// snapshots), so a portfolio of hundreds of projects costs one query, not hundreds of counts.

type Row = {
  id: string; slug: string; name: string; ownerTeam: string | null;
  score: number | null; level: number | null; openCritical: number | null; openHigh: number | null; openTotal: number | null; gatePassed: boolean | null;
  lastScanAt: Date | null; sparkline: number[] | null;
};

/**
 * Every project with its readiness as last computed (the Readiness row each change writes), its
 * daily score over 30 days and its last scan: one query, index lookups per project.
 */
export async function getPortfolio(now = new Date()) {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const rows = await getDb().$queryRaw<Row[]>`
    select p.id, p.slug, p.name, p."ownerTeam",
      (r.data->>'score')::float as score, (r.data->>'level')::int as level,
      (r.data->'open'->>'critical')::int as "openCritical", (r.data->'open'->>'high')::int as "openHigh",
      (r.data->>'openTotal')::int as "openTotal", (r.data->'gate'->>'status') = 'pass' as "gatePassed",
      (select max(s."createdAt") from "Scan" s where s."projectId" = p.id) as "lastScanAt",
      (select array_agg(d.score order by d.day) from (
        select distinct on (date_trunc('day', n."takenAt")) date_trunc('day', n."takenAt") as day, n.score
        from "Snapshot" n where n."projectId" = p.id and n."takenAt" >= ${since}
        order by date_trunc('day', n."takenAt"), n."takenAt" desc) d) as sparkline
    from "Project" p left join "Readiness" r on r."projectId" = p.id
    order by p.name`;
  return rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: p.name,
    ownerTeam: p.ownerTeam,
    score: p.score,
    level: p.level,
    openCritical: p.openCritical ?? 0,
    openHigh: p.openHigh ?? 0,
    openTotal: p.openTotal ?? 0,
    gatePassed: p.score === null ? null : p.gatePassed,
    sparkline: p.sparkline ?? [],
    lastScanAt: p.lastScanAt,
    lastScanDays: p.lastScanAt ? Math.floor((now.getTime() - p.lastScanAt.getTime()) / 86_400_000) : null,
  }));
}

export type PortfolioRow = Awaited<ReturnType<typeof getPortfolio>>[number];

type TrendRow = { day: Date; averageScore: number; openCritical: bigint; openHigh: bigint; projects: bigint };

/** Across all projects, per day: the average score and the open critical and high findings. */
export async function getPortfolioTrend(days: number, now = new Date()) {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await getDb().$queryRaw<TrendRow[]>`
    with daily as (
      select distinct on ("projectId", date_trunc('day', "takenAt")) "projectId", date_trunc('day', "takenAt") as day, score, "openCritical", "openHigh"
      from "Snapshot" where "takenAt" >= ${since}
      order by "projectId", date_trunc('day', "takenAt"), "takenAt" desc)
    select day, avg(score)::float as "averageScore", sum("openCritical") as "openCritical", sum("openHigh") as "openHigh", count(*) as projects
    from daily group by day order by day`;
  return rows.map((r) => ({ date: r.day.toISOString().slice(0, 10), averageScore: Math.round(r.averageScore * 10) / 10, openCritical: Number(r.openCritical), openHigh: Number(r.openHigh), projects: Number(r.projects) }));
}

type ChangeRow = { slug: string; name: string; then: number; now: number };

/** Each project's score at the start of the range and now, the biggest movers first. */
export async function getProjectScoreChanges(days: number, now = new Date()) {
  const since = new Date(now.getTime() - days * 86_400_000);
  return getDb().$queryRaw<ChangeRow[]>`
    with firsts as (select distinct on ("projectId") "projectId", score from "Snapshot" where "takenAt" >= ${since} order by "projectId", "takenAt" asc),
         lasts as (select distinct on ("projectId") "projectId", score from "Snapshot" order by "projectId", "takenAt" desc)
    select p.slug, p.name, firsts.score as then, lasts.score as now
    from "Project" p join firsts on firsts."projectId" = p.id join lasts on lasts."projectId" = p.id
    order by abs(lasts.score - firsts.score) desc, p.name asc limit 50`;
}
