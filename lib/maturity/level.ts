import type { MaturitySettings } from "@/lib/maturity/settings";

// Levels 1–5 (seed 000 §5.1) made cumulative: a level is reached when its rule and the rule of
// every level below hold. Below Basic is level 0.

export const levelNames = ["Not yet Basic", "Basic", "Intermediate", "Advanced", "Exemplary", "World class"] as const;
export type Level = 0 | 1 | 2 | 3 | 4 | 5;

export type LevelFacts = {
  /** Open findings of any severity but info. */
  openGaps: number;
  openCriticalHigh: number;
  gatePassed: boolean;
};

/** The largest number of open gaps and of open critical+high findings that level `level` allows. */
export function levelLimits(level: Level, settings: MaturitySettings): { maxGaps: number; maxCriticalHigh: number; needsGate: boolean } {
  const { basicMaxGaps, intermediateMaxCriticalHigh, advancedMaxCriticalHigh, exemplaryMaxGaps } = settings.levels;
  let maxGaps = Infinity;
  let maxCriticalHigh = Infinity;
  // "Fewer than N" allows N − 1.
  if (level >= 1) maxGaps = basicMaxGaps - 1;
  if (level >= 2) maxCriticalHigh = intermediateMaxCriticalHigh - 1;
  if (level >= 3) maxCriticalHigh = Math.min(maxCriticalHigh, advancedMaxCriticalHigh - 1);
  if (level >= 4) maxGaps = Math.min(maxGaps, exemplaryMaxGaps - 1);
  if (level >= 5) maxCriticalHigh = 0;
  return { maxGaps: Math.max(-1, maxGaps), maxCriticalHigh: Math.max(-1, maxCriticalHigh), needsGate: level >= 5 };
}

function meetsLevel(level: Level, facts: LevelFacts, settings: MaturitySettings): boolean {
  const limits = levelLimits(level, settings);
  return facts.openGaps <= limits.maxGaps && facts.openCriticalHigh <= limits.maxCriticalHigh && (!limits.needsGate || facts.gatePassed);
}

export function levelOf(facts: LevelFacts, settings: MaturitySettings): Level {
  let level: Level = 0;
  for (const next of [1, 2, 3, 4, 5] as const) {
    if (!meetsLevel(next, facts, settings)) break;
    level = next;
  }
  return level;
}
