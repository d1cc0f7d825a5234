import "server-only";
import { getDb } from "@/lib/db";
import { countedFinding, filedFinding } from "@/lib/maturity/counted-findings";
import { getGateStatus } from "@/lib/maturity/get-gate-status";
import { levelNames, levelOf, levelLimits, type Level } from "@/lib/maturity/level";
import { roundScore, scoreProject, type Severity } from "@/lib/maturity/score";
import { readMaturitySettings } from "@/lib/maturity/settings";
import { gapsOf, tallyFindings, type TallyRow } from "@/lib/maturity/tally-findings";
import { whatItTakes, type OpenCandidate } from "@/lib/maturity/what-it-takes";

// A project's readiness now: category scores and the overall score, the level, the gate and
// what the next level takes. Counting happens in SQL (one grouped query); JS only does the
// arithmetic on a handful of rows.

export async function getMaturity(projectId: string, options: { now?: Date; withWhatItTakes?: boolean } = {}) {
  const now = options.now ?? new Date();
  const db = getDb();
  const [project, categories, rows, gate] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { maturitySettings: true } }),
    db.category.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, key: true, name: true, weight: true } }),
    db.$queryRaw<TallyRow[]>`
      select f."categoryId", f.severity::text as severity,
        count(*) filter (where ${countedFinding(now)}) as counted,
        count(*) as filed,
        count(*) filter (where f.status = 'resolved') as closed
      from "Finding" f where f."projectId" = ${projectId} and ${filedFinding()}
      group by 1, 2`,
    getGateStatus(projectId, now),
  ]);
  const settings = readMaturitySettings(project.maturitySettings);
  const { tallies, open, closed: closedTotal } = tallyFindings(categories, rows);
  const scored = scoreProject(tallies, settings);
  const facts = { openGaps: gapsOf(open), openCriticalHigh: open.critical + open.high, gatePassed: gate.status === "pass" };
  const level = levelOf(facts, settings);
  const takes = options.withWhatItTakes === false ? null : whatItTakes(level, facts, await candidatesFor(projectId, level, facts, settings, now), settings);
  return {
    score: roundScore(scored.overall),
    level,
    levelName: levelNames[level],
    categories: scored.categories.map((c) => ({ ...c, score: roundScore(c.score) })),
    open,
    openTotal: facts.openGaps + open.info,
    closedTotal,
    facts,
    gate,
    whatItTakes: takes,
    settings,
  };
}

export type Maturity = Awaited<ReturnType<typeof getMaturity>>;

type CandidateRow = { id: string; ref: string | null; title: string; severity: Severity; effort: number | null };

/**
 * The open findings the next level could close: as many of the cheapest critical and high ones
 * as it needs, and as many of the cheapest gaps. Effort is that of the cheapest unfinished roadmap
 * item addressing the finding (its high estimate).
 */
async function candidatesFor(projectId: string, level: Level, facts: { openGaps: number; openCriticalHigh: number }, settings: ReturnType<typeof readMaturitySettings>, now: Date): Promise<OpenCandidate[]> {
  if (level >= 5) return [];
  const limits = levelLimits((level + 1) as Level, settings);
  const needCriticalHigh = Math.max(0, facts.openCriticalHigh - limits.maxCriticalHigh);
  const needGaps = Math.max(0, facts.openGaps - limits.maxGaps);
  const query = (severities: Severity[], limit: number) =>
    limit <= 0
      ? Promise.resolve([] as CandidateRow[])
      : getDb().$queryRaw<CandidateRow[]>`
        select f.id, f.ref, f.title, f.severity::text as severity, min(coalesce(i."effortMinutesHigh", i."effortMinutes")) as effort
        from "Finding" f
        left join "RoadmapItemFinding" link on link."findingId" = f.id
        left join "RoadmapItem" i on i.id = link."itemId" and i.status <> 'done'
        where f."projectId" = ${projectId} and ${countedFinding(now)} and f.severity::text = any(${severities}::text[])
        group by f.id
        order by min(coalesce(i."effortMinutesHigh", i."effortMinutes")) asc nulls last, f.severity desc, f.title asc
        limit ${limit}`;
  const [criticalHigh, gaps] = await Promise.all([query(["critical", "high"], needCriticalHigh), query(["critical", "high", "medium", "low"], needCriticalHigh + needGaps)]);
  const byId = new Map<string, OpenCandidate>();
  for (const row of [...criticalHigh, ...gaps]) byId.set(row.id, { id: row.id, ref: row.ref, title: row.title, severity: row.severity, effortMinutes: row.effort === null ? null : Number(row.effort) });
  return [...byId.values()];
}
