import type { Severity } from "@/lib/maturity/score";

// Which roadmap items buy the most readiness per hour, as a report's "ROI (Impact / Effort)"
// table does. Impact is what closing the item's findings takes off the score's penalty (the
// sum of their severity weights); effort is the item's high bound, so a wide estimate ranks
// no better than its worst case.

export type RoiItem = {
  id: string;
  title: string;
  effortMinutes: number | null;
  effortMinutesHigh: number | null;
  /** The findings the item closes. */
  findings: { severity: Severity }[];
  status: "todo" | "doing" | "done";
};

export type RoiRow = {
  id: string;
  title: string;
  /** The effort the ratio is taken over: the high bound, else the estimate. */
  effortMinutes: number;
  impact: number;
  /** Impact per hour of effort. */
  roi: number;
};

/**
 * Open items that close at least one finding and have a positive effort, best ROI first; equal
 * ROI puts the smaller item first (the same return, sooner), then orders by title.
 */
export function roiTable(items: RoiItem[], weights: Record<Severity, number>): RoiRow[] {
  const rows: RoiRow[] = [];
  for (const item of items) {
    const effortMinutes = item.effortMinutesHigh ?? item.effortMinutes;
    // No effort, or 0: the ratio would mean nothing (or be infinite).
    if (item.status === "done" || item.findings.length === 0 || effortMinutes === null || !(effortMinutes > 0)) continue;
    const impact = item.findings.reduce((sum, finding) => sum + weights[finding.severity], 0);
    rows.push({ id: item.id, title: item.title, effortMinutes, impact, roi: impact / (effortMinutes / 60) });
  }
  return rows.sort((a, b) => b.roi - a.roi || a.effortMinutes - b.effortMinutes || a.title.localeCompare(b.title, "en") || a.id.localeCompare(b.id, "en"));
}
