import { describe, expect, it } from "vitest";
import { levelOf } from "@/lib/maturity/level";
import { defaultMaturitySettings as settings, type MaturitySettings } from "@/lib/maturity/settings";

describe("levelOf (defaults: < 50 gaps, < 25 and < 10 critical+high, < 5 gaps, then none and a passing gate)", () => {
  it.each([
    ["no findings, gate passing", 0, 0, true, 5],
    ["no findings, gate failing", 0, 0, false, 4],
    ["50 gaps", 50, 0, true, 0],
    ["49 gaps, 25 critical+high", 49, 25, true, 1],
    ["49 gaps, 24 critical+high", 49, 24, true, 2],
    ["30 gaps, 9 critical+high", 30, 9, true, 3],
    ["4 gaps, 1 critical+high", 4, 1, true, 4],
    ["5 gaps, none critical or high", 5, 0, true, 3],
    ["4 low gaps, none critical or high, gate passing", 4, 0, true, 5],
    // Cumulative: few critical+high findings do not make a level whose lower rule fails.
    ["60 gaps of which 0 critical+high", 60, 0, true, 0],
  ])("%s → level %i", (_name, openGaps, openCriticalHigh, gatePassed, level) => {
    expect(levelOf({ openGaps, openCriticalHigh, gatePassed }, settings)).toBe(level);
  });

  it("uses a project's own thresholds", () => {
    const strict: MaturitySettings = { ...settings, levels: { basicMaxGaps: 10, intermediateMaxCriticalHigh: 3, advancedMaxCriticalHigh: 1, exemplaryMaxGaps: 2 } };
    expect(levelOf({ openGaps: 9, openCriticalHigh: 2, gatePassed: true }, strict)).toBe(2);
    expect(levelOf({ openGaps: 1, openCriticalHigh: 0, gatePassed: true }, strict)).toBe(5);
  });
});
