import { describe, expect, it } from "vitest";
import { forecastNextLevel } from "@/lib/maturity/forecast";
import { defaultMaturitySettings as settings } from "@/lib/maturity/settings";

const today = new Date("2026-12-01T00:00:00Z");

describe("forecastNextLevel", () => {
  it.each([
    // Level 1 → 2 needs critical+high below 25: 34 now, 9 to go; 56 fewer than 28 days ago is 2 a day → 5 days.
    ["a steady closing rate", 1, { openGaps: 40, openCriticalHigh: 34, gatePassed: true }, { openGaps: 90, openCriticalHigh: 90 }, { kind: "date", days: 5 }],
    ["opening faster than closing", 1, { openGaps: 40, openCriticalHigh: 34, gatePassed: true }, { openGaps: 30, openCriticalHigh: 20 }, { kind: "not_converging" }],
    ["standing still", 1, { openGaps: 40, openCriticalHigh: 34, gatePassed: true }, { openGaps: 40, openCriticalHigh: 34 }, { kind: "not_converging" }],
    ["no snapshot 28 days back", 1, { openGaps: 40, openCriticalHigh: 34, gatePassed: true }, null, { kind: "no_history" }],
    ["only the gate left", 4, { openGaps: 0, openCriticalHigh: 0, gatePassed: false }, null, { kind: "gate_only" }],
    ["the top level", 5, { openGaps: 0, openCriticalHigh: 0, gatePassed: true }, null, { kind: "top" }],
  ] as const)("%s", (_name, level, now, before, expected) => {
    expect(forecastNextLevel({ level, now, before, today }, settings)).toMatchObject(expected);
  });

  it("waits for the slower of the two counts when both must fall", () => {
    // Level 3 → 4 needs gaps below 5 (12 to go at 1 a day) and critical+high below 10 (met).
    const result = forecastNextLevel({ level: 3, now: { openGaps: 16, openCriticalHigh: 2, gatePassed: true }, before: { openGaps: 44, openCriticalHigh: 30 }, today }, settings);
    expect(result).toEqual({ kind: "date", days: 12, date: new Date("2026-12-13T00:00:00Z") });
  });
});
