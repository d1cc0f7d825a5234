import { describe, expect, it } from "vitest";
import { defaultMaturitySettings } from "@/lib/maturity/settings";
import { autoPlan, type AutoPlan, type AutoPlanInput, type PlanFinding } from "@/lib/roadmap/planning/auto-plan";

const weights = defaultMaturitySettings.severityWeights;
const finding = (id: string, severity: PlanFinding["severity"], effortMinutes: number | null, more: Partial<PlanFinding> = {}): PlanFinding => ({
  id,
  ref: null,
  title: id,
  severity,
  categoryKey: null,
  effortMinutes,
  ...more,
});
const plan = (findings: PlanFinding[], more: Partial<AutoPlanInput> = {}) => autoPlan({ findings, capacityHours: 40, sprintCount: 4, weights, ...more });
/** Each sprint as "name: ids (minutes)", then the unplanned ids. */
const outline = (result: AutoPlan) => ({
  sprints: result.sprints.map((s) => `${s.name}: ${s.items.map((i) => i.findingId).join(" ")} (${s.effortMinutes})`),
  unplanned: result.unplanned.map((i) => i.findingId),
});

describe("autoPlan", () => {
  it.each<[string, PlanFinding[], Partial<AutoPlanInput>, ReturnType<typeof outline>]>([
    ["nothing to plan", [], {}, { sprints: [], unplanned: [] }],
    [
      "severity first, then ROI (cheaper first within a severity)",
      [finding("low-cheap", "low", 15), finding("high-slow", "high", 600), finding("crit-slow", "critical", 960), finding("high-quick", "high", 30)],
      { sprintCount: 1 },
      { sprints: ["Sprint 1: crit-slow high-quick high-slow low-cheap (1605)"], unplanned: [] },
    ],
    [
      "equal ROI: by ref (a missing ref last), then title, then id",
      [finding("z", "high", 60, { ref: null, title: "A" }), finding("y", "high", 60, { ref: "HIGH-02" }), finding("x", "high", 60, { ref: "HIGH-01" }), finding("w", "high", 60, { title: "A" })],
      {},
      { sprints: ["Sprint 1: x y w z (240)"], unplanned: [] },
    ],
    [
      "fills each sprint up to capacity; a smaller item takes the room a bigger one left",
      [finding("crit", "critical", 90), finding("high", "high", 60), finding("med", "medium", 30), finding("low", "low", 30)],
      { capacityHours: 2 },
      { sprints: ["Sprint 1: crit med (120)", "Sprint 2: high low (90)"], unplanned: [] },
    ],
    [
      "an item bigger than the capacity gets a sprint of its own",
      [finding("crit", "critical", 30), finding("huge", "high", 180), finding("med", "medium", 30)],
      { capacityHours: 1 },
      { sprints: ["Sprint 1: crit med (60)", "Sprint 2: huge (180)"], unplanned: [] },
    ],
    [
      "what does not fit in sprintCount sprints is unplanned, smaller items still fill the room",
      [finding("a", "critical", 60), finding("b", "critical", 45), finding("c", "high", 60), finding("d", "low", 15), finding("e", "low", 20)],
      { capacityHours: 1, sprintCount: 2 },
      { sprints: ["Sprint 1: b d (60)", "Sprint 2: a (60)"], unplanned: ["c", "e"] },
    ],
    [
      "names continue after the highest existing Sprint N",
      [finding("a", "high", 60), finding("b", "high", 60)],
      { capacityHours: 1, existingSprintNames: ["Sprint 1 — Immediate (< 1 minggu)", "sprint 4", "Sprint 10b", "Sprint planning", "Backlog"] },
      { sprints: ["Sprint 5: a (60)", "Sprint 6: b (60)"], unplanned: [] },
    ],
  ])("%s", (_, findings, more, expected) => {
    expect(outline(plan(findings, more))).toEqual(expected);
  });

  it("records the ROI, over-capacity flag and capacity of what it plans", () => {
    const result = plan([finding("crit", "critical", 15), finding("huge", "medium", 2400)], { capacityHours: 8 });
    expect(result.sprints.map((s) => s.capacityMinutes)).toEqual([480, 480]);
    expect(result.sprints[0]!.items[0]).toEqual({ findingId: "crit", title: "crit", ref: null, severity: "critical", effortMinutes: 15, estimated: null, roi: 40, overCapacity: false });
    expect(result.sprints[1]!.items[0]).toMatchObject({ findingId: "huge", roi: 0.05, overCapacity: true });
  });

  it.each<[string, PlanFinding[], { effortMinutes: number; estimated: string | null }]>([
    ["the category median (odd count)", [finding("s1", "high", 30, { categoryKey: "security" }), finding("s2", "high", 120, { categoryKey: "security" }), finding("s3", "high", 60, { categoryKey: "security" }), finding("t", "low", 960, { categoryKey: "testing" })], { effortMinutes: 60, estimated: "category" }],
    ["the category median (even count)", [finding("s1", "high", 30, { categoryKey: "security" }), finding("s2", "high", 120, { categoryKey: "security" })], { effortMinutes: 75, estimated: "category" }],
    ["the overall median, skipped findings included", [finding("t", "low", 960, { categoryKey: "testing" }), finding("i", "info", 60, { categoryKey: "docs" })], { effortMinutes: 510, estimated: "overall" }],
    ["4 hours when no finding has an effort", [finding("t", "low", null, { categoryKey: "security" })], { effortMinutes: 240, estimated: "default" }],
  ])("estimates a missing effort: %s", (_, others, expected) => {
    const result = plan([...others, finding("unknown", "medium", null, { categoryKey: "security" })]);
    const item = result.sprints.flatMap((s) => s.items).find((i) => i.findingId === "unknown");
    expect(item).toMatchObject(expected);
    expect(item!.roi).toBeCloseTo(2 / (expected.effortMinutes / 60));
  });

  it("leaves out info findings and findings whose severity weighs nothing", () => {
    const result = plan([finding("l", "low", 30), finding("i", "info", 30), finding("m", "medium", 30)], { weights: { ...weights, low: 0 } });
    expect(outline(result).sprints).toEqual(["Sprint 1: m (30)"]);
    expect(result.skipped).toEqual([
      { findingId: "i", reason: "info" },
      { findingId: "l", reason: "zeroWeight" },
    ]);
  });

  it("gives the same plan whatever order the findings come in", () => {
    const findings = [finding("a", "high", 60, { ref: "H-1" }), finding("b", "high", 60, { ref: "H-1", title: "a" }), finding("c", "low", null), finding("d", "critical", 300)];
    expect(plan([...findings].reverse(), { capacityHours: 3 })).toEqual(plan(findings, { capacityHours: 3 }));
  });

  it.each<[string, Partial<AutoPlanInput>, RegExp]>([
    ["no capacity", { capacityHours: 0 }, /capacityHours must be a positive number of hours, got 0/],
    ["negative capacity", { capacityHours: -8 }, /capacityHours must be a positive number of hours, got -8/],
    ["capacity not a number", { capacityHours: Number.NaN }, /capacityHours .* got NaN/],
    ["no sprints", { sprintCount: 0 }, /sprintCount must be a whole number of at least 1, got 0/],
    ["part of a sprint", { sprintCount: 1.5 }, /sprintCount .* got 1.5/],
  ])("rejects %s with a RangeError", (_, more, message) => {
    expect(() => plan([finding("a", "high", 60)], more)).toThrow(RangeError);
    expect(() => plan([finding("a", "high", 60)], more)).toThrow(message);
  });
});
