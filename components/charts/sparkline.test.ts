import { describe, expect, it } from "vitest";
import { sparklinePoints } from "@/components/charts/sparkline";

describe("sparklinePoints", () => {
  it("spreads scores across the box with 100 at the top", () => {
    expect(sparklinePoints([0, 50, 100], 100, 20, 0)).toBe("0,20 50,10 100,0");
  });

  it("keeps the inset on every side", () => {
    expect(sparklinePoints([100, 0], 96, 24, 2)).toBe("2,2 94,22");
  });

  it("clamps scores outside 0–100 and treats NaN as 0", () => {
    expect(sparklinePoints([-10, 150, Number.NaN], 100, 20, 0)).toBe("0,20 50,0 100,20");
  });

  it("draws nothing from fewer than two points", () => {
    expect(sparklinePoints([])).toBe("");
    expect(sparklinePoints([42])).toBe("");
  });

  it("rounds to two decimals so 200 sparklines do not ship long floats", () => {
    expect(sparklinePoints([10, 20, 30, 40], 96, 24, 2)).toBe("2,20 32.67,18 63.33,16 94,14");
  });
});
