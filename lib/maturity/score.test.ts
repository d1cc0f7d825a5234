import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { categoryScore, noCounts, scoreProject, severities, type CategoryTally, type SeverityCounts } from "@/lib/maturity/score";
import { defaultMaturitySettings as settings } from "@/lib/maturity/settings";

const counts = (c: Partial<SeverityCounts>): SeverityCounts => ({ ...noCounts(), ...c });
const tally = (key: string | null, weight: number, open: Partial<SeverityCounts>, total = Object.values(open).reduce((a, b) => a + (b ?? 0), 0)): CategoryTally => ({ key, name: key ?? "Uncategorised", weight, open: counts(open), total });

describe("categoryScore", () => {
  it.each([
    ["nothing open", {}, 100],
    ["one critical (10 of K = 50)", { critical: 1 }, (100 * 50) / 60],
    ["penalty equal to K", { critical: 5 }, 50],
    ["twice K", { high: 20 }, 100 / 3],
    ["info weighs nothing", { info: 1000 }, 100],
    ["a mix: 2 high, 3 medium, 4 low = 20", { high: 2, medium: 3, low: 4 }, (100 * 50) / 70],
  ])("%s", (_name, open, expected) => {
    expect(categoryScore(counts(open), settings)).toBeCloseTo(expected, 6);
  });
});

describe("scoreProject", () => {
  it("is 100 for a project without findings", () => {
    expect(scoreProject([tally("security", 1, {}, 0), tally("testing", 0.7, {}, 0)], settings).overall).toBe(100);
  });

  it("leaves categories nothing was filed in out of the overall score", () => {
    const result = scoreProject([tally("security", 1, { critical: 5 }), tally("testing", 0.7, {}, 0)], settings);
    expect(result.overall).toBeCloseTo(50, 6);
    expect(result.categories.find((c) => c.key === "testing")).toMatchObject({ assessed: false, score: 100 });
  });

  it("keeps a category whose findings are all closed (or accepted) in, at 100", () => {
    const result = scoreProject([tally("security", 1, { critical: 5 }), tally("testing", 1, {}, 12)], settings);
    expect(result.overall).toBeCloseTo(75, 6);
  });

  it("weights categories by their weight, and uncategorised findings by 1", () => {
    const result = scoreProject([tally("security", 1, {}, 3), tally("docs", 0.5, { critical: 5 }), tally(null, 0.1, { critical: 5 })], settings);
    expect(result.overall).toBeCloseTo((100 * 1 + 50 * 0.5 + 50 * 1) / 2.5, 6);
  });

  it("never lowers a score when a finding is closed, and stays within 0–100", () => {
    const open = fc.record(Object.fromEntries(severities.map((s) => [s, fc.nat(300)])) as Record<(typeof severities)[number], fc.Arbitrary<number>>);
    fc.assert(
      fc.property(fc.array(fc.tuple(open, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }), fc.nat(), fc.constantFrom(...severities), (categories, pick, severity) => {
        const tallies = categories.map(([o, w], i) => tally(`c${i}`, w, o, Object.values(o).reduce((a, b) => a + b, 0) + 1));
        const before = scoreProject(tallies, settings);
        const index = pick % tallies.length;
        if (tallies[index]!.open[severity] === 0) return;
        const closed = tallies.map((t, i) => (i === index ? { ...t, open: { ...t.open, [severity]: t.open[severity] - 1 } } : t));
        const after = scoreProject(closed, settings);
        expect(after.overall).toBeGreaterThanOrEqual(before.overall - 1e-9);
        expect(after.categories[index]!.score).toBeGreaterThanOrEqual(before.categories[index]!.score - 1e-9);
        for (const r of [before, after]) {
          expect(r.overall).toBeGreaterThanOrEqual(0);
          expect(r.overall).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 500 },
    );
  });
});
