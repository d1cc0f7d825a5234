import type { RatedReadiness } from "@/lib/maturity/rate-readiness";

/** A rated readiness as a Snapshot row stores it; gatePassed is null for days rebuilt from history. */
export function snapshotFields(rated: RatedReadiness, gatePassed: boolean | null) {
  return {
    score: rated.score,
    level: rated.level,
    categoryScores: rated.categories.map((c) => ({ key: c.key, name: c.name, score: c.score, assessed: c.assessed, penalty: c.penalty })),
    openCritical: rated.open.critical,
    openHigh: rated.open.high,
    openMedium: rated.open.medium,
    openLow: rated.open.low,
    openInfo: rated.open.info,
    openTotal: rated.openTotal,
    closedTotal: rated.closedTotal,
    gatePassed,
  };
}
