import { levelOf } from "@/lib/maturity/level";
import { roundScore, scoreProject } from "@/lib/maturity/score";
import type { MaturitySettings } from "@/lib/maturity/settings";
import { gapsOf, type Tally } from "@/lib/maturity/tally-findings";

// Tallied findings to scores and a level, as people read them (scores rounded). Readiness
// now (get-maturity.ts) and the days rebuilt from history (backfill-snapshots.ts) both rate this
// way, so a rebuilt day and a live one cannot drift apart. Pure.

export function rateReadiness({ tallies, open, closed }: Tally, settings: MaturitySettings, gatePassed: boolean) {
  const scored = scoreProject(tallies, settings);
  const facts = { openGaps: gapsOf(open), openCriticalHigh: open.critical + open.high, gatePassed };
  return {
    score: roundScore(scored.overall),
    level: levelOf(facts, settings),
    categories: scored.categories.map((c) => ({ ...c, score: roundScore(c.score) })),
    open,
    openTotal: facts.openGaps + open.info,
    closedTotal: closed,
    facts,
  };
}

export type RatedReadiness = ReturnType<typeof rateReadiness>;
