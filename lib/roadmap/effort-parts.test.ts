import { describe, expect, it } from "vitest";
import { effortParts } from "@/lib/roadmap/effort-parts";

describe("effortParts", () => {
  it.each([
    [15, null, { unit: "min", low: 15, high: null }],
    [120, null, { unit: "h", low: 2, high: null }],
    [405, null, { unit: "h", low: 6.8, high: null }],
    [1440, 2400, { unit: "d", low: 3, high: 5 }],
    [2400, null, { unit: "w", low: 1, high: null }],
    [12960, 13920, { unit: "w", low: 5.4, high: 5.8 }],
    [0, null, { unit: "min", low: 0, high: null }],
  ])("%i–%s min", (minutes, high, expected) => {
    expect(effortParts(minutes, high)).toEqual(expected);
  });
});
