import "server-only";
import { getDb } from "@/lib/db";
import { filedFinding } from "@/lib/maturity/counted-findings";
import { getMaturitySettings } from "@/lib/maturity/get-maturity-settings";
import { rateReadiness } from "@/lib/maturity/rate-readiness";
import { snapshotFields } from "@/lib/maturity/snapshot-fields";
import { tallyFindings, type TallyRow } from "@/lib/maturity/tally-findings";

// Daily snapshots rebuilt from the findings' dates, for the days before a project's first real
// snapshot: a finding is open on a day it was first seen by and not yet resolved. What history
// does not keep (risk acceptances, the gate) is left out: such days have gatePassed null.

const MAX_DAYS = 730;

type DayRow = TallyRow & { day: Date };

export async function backfillSnapshots(projectId: string, now = new Date()): Promise<number> {
  const db = getDb();
  const first = await db.snapshot.findFirst({ where: { projectId }, orderBy: { takenAt: "asc" }, select: { takenAt: true } });
  const end = startOfDay(first?.takenAt ?? now);
  const earliest = await db.finding.aggregate({ where: { projectId, firstSeenAt: { lt: end } }, _min: { firstSeenAt: true } });
  if (!earliest._min.firstSeenAt) return 0;
  const start = new Date(Math.max(startOfDay(earliest._min.firstSeenAt).getTime(), end.getTime() - MAX_DAYS * 86_400_000));
  const [settings, categories, rows] = await Promise.all([
    getMaturitySettings(projectId),
    db.category.findMany({ where: { projectId }, select: { id: true, key: true, name: true, weight: true } }),
    db.$queryRaw<DayRow[]>`
      with days as (select generate_series(${start}::timestamp, ${end}::timestamp - interval '1 day', interval '1 day') as day)
      select d.day, f."categoryId", f.severity::text as severity,
        count(*) filter (where f."resolvedAt" is null or f."resolvedAt" >= d.day + interval '1 day') as counted,
        count(*) as filed,
        count(*) filter (where f."resolvedAt" < d.day + interval '1 day') as closed
      from days d join "Finding" f on f."projectId" = ${projectId} and ${filedFinding()} and f."firstSeenAt" < d.day + interval '1 day'
      group by 1, 2, 3 order by 1`,
  ]);
  const byDay = groupBy(rows, (r) => r.day.getTime());
  // A day's level is judged as if its gate failed: the gate's history is not kept.
  const snapshots = [...byDay].map(([day, dayRows]) => ({
    projectId,
    // The end of the day: the state as the day closed.
    takenAt: new Date(day + 86_400_000 - 1000),
    ...snapshotFields(rateReadiness(tallyFindings(categories, dayRows), settings, false), null),
  }));
  for (let i = 0; i < snapshots.length; i += 500) await db.snapshot.createMany({ data: snapshots.slice(i, i + 500) });
  return snapshots.length;
}

const startOfDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
