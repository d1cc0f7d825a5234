import "server-only";
import { getDb } from "@/lib/db";
import { FORECAST_DAYS } from "@/lib/maturity/forecast";

// A project's history for its charts: the last snapshot of each day, oldest first.

export type TrendPoint = {
  date: string;
  score: number;
  level: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  openTotal: number;
  closedTotal: number;
};

type Row = { day: Date; score: number; level: number; openCritical: number; openHigh: number; openMedium: number; openLow: number; openInfo: number; openTotal: number; closedTotal: number };

export async function getProjectTrend(projectId: string, days: number, now = new Date()): Promise<TrendPoint[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows = await getDb().$queryRaw<Row[]>`
    select distinct on (date_trunc('day', "takenAt")) date_trunc('day', "takenAt") as day, score, level,
      "openCritical", "openHigh", "openMedium", "openLow", "openInfo", "openTotal", "closedTotal"
    from "Snapshot" where "projectId" = ${projectId} and "takenAt" >= ${since}
    order by date_trunc('day', "takenAt"), "takenAt" desc`;
  return rows.map((r) => ({
    date: r.day.toISOString().slice(0, 10),
    score: r.score,
    level: r.level,
    critical: r.openCritical,
    high: r.openHigh,
    medium: r.openMedium,
    low: r.openLow,
    info: r.openInfo,
    openTotal: r.openTotal,
    closedTotal: r.closedTotal,
  }));
}

/** The counts the forecast compares with: the last snapshot taken at least FORECAST_DAYS days ago. */
export async function getForecastBaseline(projectId: string, now = new Date()) {
  const before = await getDb().snapshot.findFirst({
    where: { projectId, takenAt: { lte: new Date(now.getTime() - FORECAST_DAYS * 86_400_000) } },
    orderBy: { takenAt: "desc" },
    select: { openTotal: true, openInfo: true, openCritical: true, openHigh: true },
  });
  return before ? { openGaps: before.openTotal - before.openInfo, openCriticalHigh: before.openCritical + before.openHigh } : null;
}
