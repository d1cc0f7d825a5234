import { levelLimits, type Level, type LevelFacts } from "@/lib/maturity/level";
import type { MaturitySettings } from "@/lib/maturity/settings";

// When the next level comes at the pace of the last 28 days: the net daily decrease of open gaps
// and of open critical+high findings (closed minus opened), against what the level still needs.

export const FORECAST_DAYS = 28;

export type Forecast =
  | { kind: "top" }
  | { kind: "reached" }
  | { kind: "date"; date: Date; days: number }
  | { kind: "not_converging" }
  | { kind: "gate_only" }
  | { kind: "no_history" };

export type ForecastInput = {
  level: Level;
  now: LevelFacts;
  /** The same counts FORECAST_DAYS days ago (the snapshot nearest that day), null without one. */
  before: Pick<LevelFacts, "openGaps" | "openCriticalHigh"> | null;
  today: Date;
};

export function forecastNextLevel({ level, now, before, today }: ForecastInput, settings: MaturitySettings): Forecast {
  if (level >= 5) return { kind: "top" };
  const limits = levelLimits((level + 1) as Level, settings);
  const need = { gaps: Math.max(0, now.openGaps - limits.maxGaps), criticalHigh: Math.max(0, now.openCriticalHigh - limits.maxCriticalHigh) };
  if (need.gaps === 0 && need.criticalHigh === 0) return limits.needsGate && !now.gatePassed ? { kind: "gate_only" } : { kind: "reached" };
  if (!before) return { kind: "no_history" };
  const rate = { gaps: (before.openGaps - now.openGaps) / FORECAST_DAYS, criticalHigh: (before.openCriticalHigh - now.openCriticalHigh) / FORECAST_DAYS };
  let days = 0;
  for (const key of ["gaps", "criticalHigh"] as const) {
    if (need[key] === 0) continue;
    if (rate[key] <= 0) return { kind: "not_converging" };
    days = Math.max(days, need[key] / rate[key]);
  }
  const whole = Math.ceil(days);
  return { kind: "date", days: whole, date: new Date(today.getTime() + whole * 86_400_000) };
}
