import { describe, expect, it } from "vitest";
import { parseDay, seriesRange } from "@/components/charts/chart-parts";

describe("parseDay", () => {
  it("reads an ISO day as midnight UTC, whatever the machine's zone", () => {
    expect(parseDay("2026-11-30").toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });
});

describe("seriesRange", () => {
  const points = [
    { date: "2026-11-01", score: 42 },
    { date: "2026-11-15", score: 70 },
    { date: "2026-11-30", score: 61.5 },
  ];

  it("takes the first and last point, not the extremes", () => {
    expect(seriesRange(points, (p) => p.score)).toEqual({ start: "2026-11-01", end: "2026-11-30", first: 42, last: 61.5 });
  });

  it("uses one point as both ends", () => {
    expect(seriesRange([points[1]!], (p) => p.score)).toEqual({ start: "2026-11-15", end: "2026-11-15", first: 70, last: 70 });
  });

  it("is null without points", () => {
    expect(seriesRange([], () => 0)).toBeNull();
  });
});
