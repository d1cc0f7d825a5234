import { z } from "zod";

// How a project's readiness is scored: severity weights, the penalty at which a category scores
// 50, and the thresholds of the five levels. Leads may change them per project; these are the
// defaults, and the one schema the settings form, the API and the scoring read.

const weight = z.coerce.number({ error: "A number." }).min(0, "At least 0.").max(100, "At most 100.");
const count = z.coerce.number({ error: "A number." }).int("A whole number.").min(0, "At least 0.").max(100_000, "At most 100,000.");

export const maturitySettingsSchema = z
  .object({
    severityWeights: z.object({ critical: weight, high: weight, medium: weight, low: weight, info: weight }),
    /** A category whose open findings weigh this much scores 50; twice as much, 33. */
    halfScorePenalty: z.coerce.number({ error: "A number." }).min(1, "At least 1.").max(10_000, "At most 10,000."),
    levels: z.object({
      /** Level 1 (Basic): fewer open gaps than this. */
      basicMaxGaps: count,
      /** Level 2 (Intermediate): fewer open critical and high findings than this. */
      intermediateMaxCriticalHigh: count,
      /** Level 3 (Advanced): fewer open critical and high findings than this. */
      advancedMaxCriticalHigh: count,
      /** Level 4 (Exemplary): fewer open gaps than this. */
      exemplaryMaxGaps: count,
    }),
  })
  .refine((s) => s.levels.advancedMaxCriticalHigh <= s.levels.intermediateMaxCriticalHigh, {
    path: ["levels", "advancedMaxCriticalHigh"],
    message: "Advanced cannot allow more critical and high findings than Intermediate.",
  })
  .refine((s) => s.levels.exemplaryMaxGaps <= s.levels.basicMaxGaps, {
    path: ["levels", "exemplaryMaxGaps"],
    message: "Exemplary cannot allow more gaps than Basic.",
  });

export type MaturitySettings = z.output<typeof maturitySettingsSchema>;

/** Seed 000 §5.1, made cumulative: < 50 gaps, < 25 and < 10 critical+high, < 5 gaps, then none and a passing gate. */
export const defaultMaturitySettings: MaturitySettings = {
  severityWeights: { critical: 10, high: 5, medium: 2, low: 1, info: 0 },
  halfScorePenalty: 50,
  levels: { basicMaxGaps: 50, intermediateMaxCriticalHigh: 25, advancedMaxCriticalHigh: 10, exemplaryMaxGaps: 5 },
};

/** A project's stored settings (JSON, possibly from an older version) over the defaults. */
export function readMaturitySettings(stored: unknown): MaturitySettings {
  if (!stored || typeof stored !== "object") return defaultMaturitySettings;
  const merged = {
    ...defaultMaturitySettings,
    ...(stored as object),
    severityWeights: { ...defaultMaturitySettings.severityWeights, ...((stored as { severityWeights?: object }).severityWeights ?? {}) },
    levels: { ...defaultMaturitySettings.levels, ...((stored as { levels?: object }).levels ?? {}) },
  };
  const parsed = maturitySettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultMaturitySettings;
}
