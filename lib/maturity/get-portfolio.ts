import "server-only";
import { getDb } from "@/lib/db";

// Every project on one page, from snapshots (which every change keeps current), so a portfolio
// of hundreds of projects costs three queries, not one readiness computation per project.

type LatestRow = { projectId: string; score: number; level: number; openCritical: number; openHigh: number; openTotal: number; gatePassed: boolean | null; takenAt: Date };
type SparkRow = { projectId: string; day: Date; score: number };

export async function getPortfolio(now = new Date()) {
  const db = getDb();
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const [projects, latest, spark, scans] = await Promise.all([
    db.project.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, ownerTeam: true } }),
    db.$queryRaw<LatestRow[]>`
      select distinct on ("projectId") "projectId", score, level, "openCritical", "openHigh", "openTotal", "gatePassed", "takenAt"
      from "Snapshot" order by "projectId", "takenAt" desc`,
    db.$queryRaw<SparkRow[]>`
      select distinct on ("projectId", date_trunc('day', "takenAt")) "projectId", date_trunc('day', "takenAt") as day, score
      from "Snapshot" where "takenAt" >= ${since}
      order by "projectId", date_trunc('day', "takenAt"), "takenAt" desc`,
    db.scan.groupBy({ by: ["projectId"], _max: { createdAt: true } }),
  ]);
  const latestBy = new Map(latest.map((r) => [r.projectId, r]));
  const sparkBy = new Map<string, number[]>();
  for (const row of spark) (sparkBy.get(row.projectId) ?? sparkBy.set(row.projectId, []).get(row.projectId)!).push(row.score);
  const scanBy = new Map(scans.map((s) => [s.projectId, s._max.createdAt]));
  return projects.map((p) => {
    const snapshot = latestBy.get(p.id);
    const lastScanAt = scanBy.get(p.id) ?? null;
    return {
      ...p,
      score: snapshot?.score ?? null,
      level: snapshot?.level ?? null,
      openCritical: snapshot?.openCritical ?? 0,
      openHigh: snapshot?.openHigh ?? 0,
      openTotal: snapshot?.openTotal ?? 0,
      gatePassed: snapshot?.gatePassed ?? null,
      sparkline: sparkBy.get(p.id) ?? [],
      lastScanAt,
      lastScanDays: lastScanAt ? Math.floor((now.getTime() - lastScanAt.getTime()) / 86_400_000) : null,
    };
  });
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
