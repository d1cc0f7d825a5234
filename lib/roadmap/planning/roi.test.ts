import { describe, expect, it } from "vitest";
import type { Severity } from "@/lib/maturity/score";
import { defaultMaturitySettings } from "@/lib/maturity/settings";
import { roiTable, type RoiItem } from "@/lib/roadmap/planning/roi";

const weights = defaultMaturitySettings.severityWeights;
const item = (title: string, effortMinutes: number | null, severities: Severity[], more: Partial<RoiItem> = {}): RoiItem => ({
  id: title,
  title,
  effortMinutes,
  effortMinutesHigh: null,
  findings: severities.map((severity) => ({ severity })),
  status: "todo",
  ...more,
});

describe("roiTable", () => {
  it("orders seed 002's ROI table: the critical token first, the two-day NetworkPolicy last", () => {
    // Seed 002 §11 "ROI Tertinggi", its rows in the report's order. Only the first row's impact
    // names a severity ("Eliminasi CRITICAL security breach"); the others take the severity the
    // import gives the findings the row fixes (§4–§8): HIGH-xx high, INC-xx low (§7), M-xx medium.
    const seed002 = [
      item("Rotate GitHub token", 15, ["critical"]), // CRIT-01
      item("Fix Jaeger namespace", 30, ["low"]), // INC-01
      item("Fix ArgoCD sync workflow", 30, ["low"]), // INC-02
      item("Add grafana-alert-rules ke kustomization", 15, ["low", "medium"]), // INC-06, M-06
      item("Fix PgBouncer routing", 120, ["high"]), // HIGH-02
      item("Alertmanager email config", 180, ["medium"]), // M-04
      item("NetworkPolicy", 2 * 8 * 60, ["high", "medium"]), // HIGH-06, M-01
      item("Redis PVC", 120, ["high"]), // HIGH-03
    ];
    const rows = roiTable(seed002, weights);
    expect(rows.map((r) => [r.title, r.impact, Number(r.roi.toFixed(2))])).toEqual([
      ["Rotate GitHub token", 10, 40],
      ["Add grafana-alert-rules ke kustomization", 3, 12],
      ["Fix PgBouncer routing", 5, 2.5],
      ["Redis PVC", 5, 2.5],
      ["Fix ArgoCD sync workflow", 1, 2],
      ["Fix Jaeger namespace", 1, 2],
      ["Alertmanager email config", 2, 0.67],
      ["NetworkPolicy", 7, 0.44],
    ]);
  });

  it.each<[string, RoiItem[], string[]]>([
    ["done items are left out", [item("done", 15, ["critical"], { status: "done" }), item("doing", 60, ["low"], { status: "doing" })], ["doing"]],
    ["items that close no finding are left out", [item("chore", 15, []), item("fix", 60, ["low"])], ["fix"]],
    ["items without a positive effort are left out", [item("unknown", null, ["critical"]), item("zero", 0, ["critical"]), item("fix", 60, ["low"])], ["fix"]],
    ["the high bound is the effort: a wide range ranks by its worst case", [item("range", 60, ["high"], { effortMinutesHigh: 600 }), item("fixed", 120, ["high"])], ["fixed", "range"]],
    ["equal ROI: the smaller item first", [item("big", 120, ["critical"]), item("small", 60, ["high"])], ["small", "big"]],
    ["equal ROI and effort: by title", [item("b", 60, ["high"]), item("a", 60, ["high"])], ["a", "b"]],
    ["info-only items stay, at the bottom with ROI 0", [item("note", 15, ["info"]), item("fix", 600, ["low"])], ["fix", "note"]],
  ])("%s", (_, items, expected) => {
    expect(roiTable(items, weights).map((r) => r.title)).toEqual(expected);
  });

  it("reads the project's weights", () => {
    const rows = roiTable([item("a", 60, ["critical"]), item("b", 60, ["low"])], { ...weights, critical: 1, low: 3 });
    expect(rows).toEqual([
      { id: "b", title: "b", effortMinutes: 60, impact: 3, roi: 3 },
      { id: "a", title: "a", effortMinutes: 60, impact: 1, roi: 1 },
    ]);
  });
});
