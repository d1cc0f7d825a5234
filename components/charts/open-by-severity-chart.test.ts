import { describe, expect, it } from "vitest";
import { openTotal } from "@/components/charts/open-by-severity-chart";

describe("openTotal", () => {
  it("adds every severity, info included", () => {
    expect(openTotal({ date: "2026-11-30", critical: 1, high: 2, medium: 3, low: 4, info: 5 })).toBe(15);
  });
});
