// A finding without an effort still needs a size before it can be planned. The median of
// similar work is the guess: unlike the mean, one multi-week item does not drag it up. Its
// category says what "similar" is, the whole project is the fallback, and half a day is the
// guess of last resort.

/** Where a guess came from: the median of its category, of the whole project, or 4 hours. */
export type EffortSource = "category" | "overall" | "default";

export type EffortSample = { categoryKey: string | null; effortMinutes: number | null };

export type EffortGuess = { effortMinutes: number; estimated: EffortSource | null };

const defaultEffortMinutes = 4 * 60;

/** Positive and finite. An effort of 0 says nothing about the work, and its ROI would be infinite. */
const isKnownEffort = (minutes: number | null): minutes is number => minutes !== null && Number.isFinite(minutes) && minutes > 0;

/** The middle value; for an even count the mean of the two middle ones, in whole minutes (as efforts are stored). */
export function medianMinutes(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  if (upper === undefined) return null;
  const lower = sorted[mid - 1];
  return sorted.length % 2 === 1 || lower === undefined ? upper : Math.round((lower + upper) / 2);
}

/**
 * Gives each sample its own effort when known, else an estimate from the known efforts among
 * `samples`. A finding without a category has no category median: "no category" is not a
 * kind of work, so it falls back to the overall median.
 */
export function effortEstimator(samples: EffortSample[]): (sample: EffortSample) => EffortGuess {
  const byCategory = new Map<string, number[]>();
  const all: number[] = [];
  for (const { categoryKey, effortMinutes } of samples) {
    if (!isKnownEffort(effortMinutes)) continue;
    all.push(effortMinutes);
    if (categoryKey !== null) byCategory.set(categoryKey, [...(byCategory.get(categoryKey) ?? []), effortMinutes]);
  }
  const overall = medianMinutes(all);
  const categoryMedians = new Map([...byCategory].map(([key, values]) => [key, medianMinutes(values)]));

  return ({ categoryKey, effortMinutes }) => {
    if (isKnownEffort(effortMinutes)) return { effortMinutes, estimated: null };
    const inCategory = categoryKey === null ? null : (categoryMedians.get(categoryKey) ?? null);
    if (inCategory !== null) return { effortMinutes: inCategory, estimated: "category" };
    if (overall !== null) return { effortMinutes: overall, estimated: "overall" };
    return { effortMinutes: defaultEffortMinutes, estimated: "default" };
  };
}
