import "server-only";
import { getDb } from "@/lib/db";
import { countedFinding, filedFinding } from "@/lib/maturity/counted-findings";
import { evaluateGate } from "@/lib/maturity/gate";
import { findGateEvidence } from "@/lib/maturity/get-gate-status";
import { getMaturitySettings } from "@/lib/maturity/get-maturity-settings";
import { levelNames, levelLimits, type Level, type LevelFacts } from "@/lib/maturity/level";
import { rateReadiness } from "@/lib/maturity/rate-readiness";
import type { Severity } from "@/lib/maturity/score";
import type { MaturitySettings } from "@/lib/maturity/settings";
import { tallyFindings, type TallyRow } from "@/lib/maturity/tally-findings";
import { whatItTakes, type OpenCandidate } from "@/lib/maturity/what-it-takes";

// A project's readiness now: category scores and the overall score, the level, the gate and
// what the next level takes. Counting happens in SQL (one grouped query, which also gives the
// gate its open critical and high counts); JS only does the arithmetic on a handful of rows.

export async function getMaturity(projectId: string, options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const db = getDb();
  const [settings, categories, rows, evidence] = await Promise.all([
    getMaturitySettings(projectId),
    db.category.findMany({ where: { projectId }, orderBy: { position: "asc" }, select: { id: true, key: true, name: true, weight: true } }),
    db.$queryRaw<TallyRow[]>`
      select f."categoryId", f.severity::text as severity,
        count(*) filter (where ${countedFinding(now)}) as counted,
        count(*) as filed,
        count(*) filter (where f.status = 'resolved') as closed
      from "Finding" f where f."projectId" = ${projectId} and ${filedFinding()}
      group by 1, 2`,
    findGateEvidence(projectId),
  ]);
  const tally = tallyFindings(categories, rows);
  const gate = evaluateGate(evidence.criteria, { openCritical: tally.open.critical, openHigh: tally.open.high, metrics: evidence.metrics, lastScanAt: evidence.lastScanAt, now });
  const rated = rateReadiness(tally, settings, gate.status === "pass");
  return {
    ...rated,
    levelName: levelNames[rated.level],
    gate,
    whatItTakes: await whatItTakesFor(projectId, rated.level, rated.facts, settings, now),
    settings,
  };
}

export type Maturity = Awaited<ReturnType<typeof getMaturity>>;

type CandidateRow = { id: string; severity: Severity; effort: number | null };

/** How many of the findings to close a page or the API lists; the totals cover them all. */
const LISTED = 20;

/**
 * What the next level takes, from every open gap with the effort of the cheapest unfinished
 * roadmap item addressing it (its high estimate); titles only for the ones listed.
 */
async function whatItTakesFor(projectId: string, level: Level, facts: LevelFacts, settings: MaturitySettings, now: Date) {
  const limits = level < 5 ? levelLimits((level + 1) as Level, settings) : null;
  const needed = limits && (facts.openGaps > limits.maxGaps || facts.openCriticalHigh > limits.maxCriticalHigh);
  const rows = needed
    ? await getDb().$queryRaw<CandidateRow[]>`
        select f.id, f.severity::text as severity, min(coalesce(i."effortMinutesHigh", i."effortMinutes")) as effort
        from "Finding" f
        left join "RoadmapItemFinding" link on link."findingId" = f.id
        left join "RoadmapItem" i on i.id = link."itemId" and i.status <> 'done'
        where f."projectId" = ${projectId} and ${countedFinding(now)} and f.severity <> 'info'
        group by f.id`
    : [];
  const candidates: OpenCandidate[] = rows.map((r) => ({ id: r.id, ref: null, title: "", severity: r.severity, effortMinutes: r.effort === null ? null : Number(r.effort) }));
  const takes = whatItTakes(level, facts, candidates, settings);
  const listed = takes.close.slice(0, LISTED);
  const titles = new Map(
    (listed.length ? await getDb().finding.findMany({ where: { projectId, id: { in: listed.map((c) => c.id) } }, select: { id: true, ref: true, title: true } }) : []).map((f) => [f.id, f]),
  );
  return {
    ...takes,
    closeCount: takes.close.length,
    close: listed.map((c) => ({ ...c, ref: titles.get(c.id)?.ref ?? null, title: titles.get(c.id)?.title ?? "" })),
  };
}
