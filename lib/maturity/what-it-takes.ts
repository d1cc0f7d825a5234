import { levelLimits, type Level, type LevelFacts } from "@/lib/maturity/level";
import type { MaturitySettings } from "@/lib/maturity/settings";
import type { Severity } from "@/lib/maturity/score";

// What the next level takes: the smallest set of open findings to close, the cheapest first
// where roadmap items give their effort, and the effort that adds up to.

export type OpenCandidate = {
  id: string;
  ref: string | null;
  title: string;
  severity: Severity;
  /** Effort of the cheapest roadmap item that addresses it (its high estimate), null when unknown. */
  effortMinutes: number | null;
};

export type WhatItTakes = {
  /** The level it is about; null when the project is at the top. */
  nextLevel: Level | null;
  close: OpenCandidate[];
  /** The effort of the findings to close whose effort is known. */
  effortMinutes: number;
  /** How many of them have no effort yet. */
  unknownEffort: number;
  /** The level also needs the gate to pass. */
  needsGate: boolean;
};

const severityRank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Known effort first, cheapest first; without effort, the less severe first (likely smaller work). */
function cheapestFirst(a: OpenCandidate, b: OpenCandidate): number {
  if (a.effortMinutes !== null && b.effortMinutes !== null) return a.effortMinutes - b.effortMinutes || severityRank[a.severity] - severityRank[b.severity];
  if (a.effortMinutes !== null) return -1;
  if (b.effortMinutes !== null) return 1;
  return severityRank[b.severity] - severityRank[a.severity] || a.title.localeCompare(b.title);
}

/**
 * `candidates` are the open findings (info excluded) that could be closed; they need not be
 * sorted. Critical and high findings come first where the level limits them, then any gap
 * where it limits the total; each closed critical or high finding also counts as a gap.
 */
export function whatItTakes(level: Level, facts: LevelFacts, candidates: OpenCandidate[], settings: MaturitySettings): WhatItTakes {
  if (level >= 5) return { nextLevel: null, close: [], effortMinutes: 0, unknownEffort: 0, needsGate: false };
  const next = (level + 1) as Level;
  const limits = levelLimits(next, settings);
  const criticalHigh = candidates.filter((c) => c.severity === "critical" || c.severity === "high").sort(cheapestFirst);
  const needCriticalHigh = Math.max(0, facts.openCriticalHigh - limits.maxCriticalHigh);
  const close = criticalHigh.slice(0, needCriticalHigh);
  const needGaps = Math.max(0, facts.openGaps - limits.maxGaps - close.length);
  if (needGaps > 0) {
    const chosen = new Set(close.map((c) => c.id));
    close.push(...candidates.filter((c) => c.severity !== "info" && !chosen.has(c.id)).sort(cheapestFirst).slice(0, needGaps));
  }
  return {
    nextLevel: next,
    close,
    effortMinutes: close.reduce((sum, c) => sum + (c.effortMinutes ?? 0), 0),
    unknownEffort: close.filter((c) => c.effortMinutes === null).length,
    needsGate: limits.needsGate && !facts.gatePassed,
  };
}
