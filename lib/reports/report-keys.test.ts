import { describe, expect, it } from "vitest";
import { findingFingerprints, itemKeys, normalizeKey, numberRepeats, strengthKeys } from "@/lib/reports/report-keys";
import type { ParsedReport } from "@/lib/reports/schema";

type Finding = ParsedReport["findings"][number];
type Item = ParsedReport["sprints"][number]["items"][number];
const finding = (ref: string | null, title: string): Finding => ({ ref, title, severity: "low", severityInferred: false, kind: "gap", category: null, locations: [], description: "", recommendation: null });
const item = (title: string): Item => ({ title, status: "todo", effort: null, refs: [], files: [] });

describe("report keys", () => {
  it("normalizes case and spacing, so a re-spaced report matches the rows it made", () => {
    expect(normalizeKey("  Sprint 1 —\tImmediate \n")).toBe("sprint 1 — immediate");
    expect(normalizeKey("ＣＲＩＴ-01")).toBe("crit-01");
  });

  it("fingerprints findings by ref, else by title", () => {
    expect(findingFingerprints({ findings: [finding("CRIT-01", "Token"), finding(null, "No  NetworkPolicy")] })).toEqual(["report:crit-01", "report:no networkpolicy"]);
  });

  it("numbers repeats in order, so two rows with one title stay two rows", () => {
    expect(numberRepeats(["a", "b", "a", "a"])).toEqual(["a", "b", "a #2", "a #3"]);
    expect(strengthKeys({ strengths: [{ title: "CI", detail: "" }, { title: "ci", detail: "" }] })).toEqual(["ci", "ci #2"]);
  });

  it("keys items by their report sprint and title", () => {
    const report: Pick<ParsedReport, "sprints"> = {
      sprints: [
        { name: "Sprint 1", window: null, items: [item("Rotate token"), item("Rotate  TOKEN")] },
        { name: "Sprint 2", window: null, items: [item("Rotate token")] },
      ],
    };
    expect(itemKeys(report)).toEqual([["sprint 1 :: rotate token", "sprint 1 :: rotate token #2"], ["sprint 2 :: rotate token"]]);
  });
});
