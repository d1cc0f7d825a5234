import { describe, expect, it } from "vitest";
import { effortEstimator, medianMinutes, type EffortGuess, type EffortSample } from "@/lib/roadmap/planning/estimate-effort";

describe("medianMinutes", () => {
  it.each<[string, number[], number | null]>([
    ["nothing", [], null],
    ["one value", [45], 45],
    ["odd count, unsorted", [600, 30, 60], 60],
    ["even count: the mean of the middle two", [120, 60, 15, 480], 90],
    ["even count rounds to whole minutes", [15, 30], 23],
    ["a huge outlier does not move it", [30, 60, 90, 40 * 60 * 5], 75],
  ])("%s", (_, values, expected) => {
    expect(medianMinutes(values)).toBe(expected);
  });
});

describe("effortEstimator", () => {
  const sample = (categoryKey: string | null, effortMinutes: number | null): EffortSample => ({ categoryKey, effortMinutes });
  const known = [sample("security", 30), sample("security", 90), sample("security", 60), sample("testing", 480), sample(null, 15), sample("testing", 0)];

  it.each<[string, EffortSample[], EffortSample, EffortGuess]>([
    ["a known effort is kept", known, sample("security", 45), { effortMinutes: 45, estimated: null }],
    ["the category's median (odd count)", known, sample("security", null), { effortMinutes: 60, estimated: "category" }],
    ["a 0 effort is unknown, and not a sample", known, sample("testing", 0), { effortMinutes: 480, estimated: "category" }],
    ["a category without efforts: the median across all categories", known, sample("docs", null), { effortMinutes: 60, estimated: "overall" }],
    ["no category: the overall median", [sample("a", 60), sample("b", 120)], sample(null, null), { effortMinutes: 90, estimated: "overall" }],
    ["no efforts anywhere: 4 hours", [sample("security", null)], sample("security", null), { effortMinutes: 240, estimated: "default" }],
  ])("%s", (_, samples, target, expected) => {
    expect(effortEstimator(samples)(target)).toEqual(expected);
  });
});
