import { describe, expect, it } from "vitest";
import { levelKey } from "@/components/charts/score-trend-chart";

describe("levelKey", () => {
  it("names levels 0 to 5 as themselves", () => {
    expect([0, 1, 2, 3, 4, 5].map(levelKey)).toEqual(["0", "1", "2", "3", "4", "5"]);
  });

  it("clamps a level outside 0–5 instead of asking the catalog for a missing key", () => {
    expect([levelKey(-1), levelKey(9), levelKey(2.6)]).toEqual(["0", "5", "3"]);
  });
});
