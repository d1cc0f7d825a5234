import { describe, expect, it } from "vitest";
import { whatItTakes, type OpenCandidate } from "@/lib/maturity/what-it-takes";
import { defaultMaturitySettings as settings } from "@/lib/maturity/settings";

let n = 0;
const finding = (severity: OpenCandidate["severity"], effortMinutes: number | null, title = `f${n++}`): OpenCandidate => ({ id: title, ref: null, title, severity, effortMinutes });

describe("whatItTakes", () => {
  it("closes the cheapest critical and high findings that level 2 needs", () => {
    const candidates = [...Array.from({ length: 24 }, () => finding("high", 600)), finding("critical", 60, "cheap"), finding("high", 120, "next"), finding("critical", null, "unknown")];
    const result = whatItTakes(1, { openGaps: 27, openCriticalHigh: 27, gatePassed: true }, candidates, settings);
    expect(result.nextLevel).toBe(2);
    expect(result.close.map((c) => c.title)).toEqual(["cheap", "next", expect.any(String)]);
    expect(result.effortMinutes).toBe(60 + 120 + 600);
    expect(result.unknownEffort).toBe(0);
  });

  it("adds the cheapest gaps of any severity where the total is what stands in the way", () => {
    const candidates = [finding("low", 15, "a"), finding("medium", 30, "b"), finding("low", null, "c"), finding("medium", 480, "d"), finding("info", 1, "noise")];
    // Level 3 → 4 needs fewer than 5 gaps: 6 open, so two go, the cheapest two.
    const result = whatItTakes(3, { openGaps: 6, openCriticalHigh: 0, gatePassed: true }, [...candidates, finding("low", 900)], settings);
    expect(result.close.map((c) => c.title)).toEqual(["a", "b"]);
    expect(result.effortMinutes).toBe(45);
  });

  it("counts findings without effort and says when only the gate is missing", () => {
    const unknown = whatItTakes(3, { openGaps: 5, openCriticalHigh: 0, gatePassed: false }, [finding("low", null, "x"), finding("medium", null, "y")], settings);
    expect(unknown).toMatchObject({ nextLevel: 4, unknownEffort: 1, effortMinutes: 0 });
    expect(unknown.close[0]!.title).toBe("x");
    const gate = whatItTakes(4, { openGaps: 2, openCriticalHigh: 0, gatePassed: false }, [finding("low", 10), finding("low", 10)], settings);
    expect(gate).toMatchObject({ nextLevel: 5, close: [], needsGate: true });
  });

  it("asks for every critical and high finding at level 5, and nothing at the top", () => {
    const result = whatItTakes(4, { openGaps: 2, openCriticalHigh: 2, gatePassed: true }, [finding("high", 5), finding("critical", 7)], settings);
    expect(result.close).toHaveLength(2);
    expect(whatItTakes(5, { openGaps: 0, openCriticalHigh: 0, gatePassed: true }, [], settings)).toMatchObject({ nextLevel: null, close: [] });
  });
});
