import type { MaturitySettings } from "@/lib/maturity/settings";

// Scores from open findings. A category's penalty is the sum of its open findings' severity
// weights; its score is 100·K/(K + penalty), K the half-score penalty: 100 with nothing open,
// 50 at K, falling ever slower and never below 0. The overall score is the mean of the assessed
// categories' scores weighted by category weight. Closing a finding lowers a penalty, so it
// can only raise a score.

export const severities = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof severities)[number];
export type SeverityCounts = Record<Severity, number>;

export const noCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, low: 0, info: 0 });

export type CategoryTally = {
  /** null for findings without a category. */
  key: string | null;
  name: string;
  weight: number;
  /** Findings that count (open, in progress, expired risk acceptances) by severity. */
  open: SeverityCounts;
  /** Every finding ever filed in it that is not a false positive or a duplicate, whatever its status. */
  total: number;
};

export type CategoryScore = { key: string | null; name: string; weight: number; score: number; penalty: number; open: SeverityCounts; assessed: boolean };

function penaltyOf(open: SeverityCounts, settings: MaturitySettings): number {
  return severities.reduce((sum, s) => sum + open[s] * settings.severityWeights[s], 0);
}

export function categoryScore(open: SeverityCounts, settings: MaturitySettings): number {
  const k = settings.halfScorePenalty;
  return (100 * k) / (k + penaltyOf(open, settings));
}

/**
 * Every category's score, and the overall score. A category nothing was ever filed in is not
 * assessed: it says nothing about readiness either way, so it is left out of the overall score
 * (a project without any finding scores 100). Findings without a category count as a category
 * of weight 1.
 */
export function scoreProject(categories: CategoryTally[], settings: MaturitySettings): { overall: number; categories: CategoryScore[] } {
  const scored = categories.map((c): CategoryScore => {
    const penalty = penaltyOf(c.open, settings);
    return { key: c.key, name: c.name, weight: c.key === null ? 1 : c.weight, score: categoryScore(c.open, settings), penalty, open: c.open, assessed: c.total > 0 };
  });
  const assessed = scored.filter((c) => c.assessed && c.weight > 0);
  const weightSum = assessed.reduce((sum, c) => sum + c.weight, 0);
  const overall = weightSum > 0 ? assessed.reduce((sum, c) => sum + c.score * c.weight, 0) / weightSum : 100;
  return { overall: clampScore(overall), categories: scored };
}

const clampScore = (score: number) => Math.min(100, Math.max(0, score));

/** A score as people read it: one decimal, 0–100. */
export const roundScore = (score: number) => Math.round(clampScore(score) * 10) / 10;
