import type { Severity } from "@/lib/maturity/score";
import { effortEstimator, type EffortSample, type EffortSource } from "@/lib/roadmap/planning/estimate-effort";

// A first sprint plan for a project's open findings: the most severe first and, within a
// severity, the most weight closed per hour. Sprints are filled first-fit: each item goes into
// the earliest proposed sprint that still has room, so priority always has first claim on
// capacity and a small item may fill the gap a bigger, more urgent one left. A proposal for a
// lead to edit, not a schedule.

export type PlanFinding = {
  id: string;
  ref: string | null;
  title: string;
  severity: Severity;
  categoryKey: string | null;
  effortMinutes: number | null;
};

export type AutoPlanInput = {
  /** The open findings to plan; the caller leaves out resolved, accepted and duplicate ones. */
  findings: PlanFinding[];
  capacityHours: number;
  /** The most sprints to propose, at least 1. */
  sprintCount: number;
  weights: Record<Severity, number>;
  existingSprintNames?: string[];
  /** The efforts the medians come from; the findings themselves when not given. */
  samples?: EffortSample[];
};

export type PlannedItem = {
  findingId: string;
  title: string;
  ref: string | null;
  severity: Severity;
  effortMinutes: number;
  /** Null when the finding had its own effort; otherwise where the estimate came from. */
  estimated: EffortSource | null;
  /** Severity weight per hour of effort. */
  roi: number;
  /** Bigger than one sprint's capacity: it gets a sprint of its own. */
  overCapacity: boolean;
};

export type ProposedSprint = { name: string; items: PlannedItem[]; effortMinutes: number; capacityMinutes: number };

/** Info findings weigh nothing, and neither does a severity whose weight a lead set to 0. */
export type SkippedFinding = { findingId: string; reason: "info" | "zeroWeight" };

export type AutoPlan = { sprints: ProposedSprint[]; unplanned: PlannedItem[]; skipped: SkippedFinding[] };

const severityRank: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Fixed locale so the order is the same on every machine; a missing ref sorts last. */
const compareText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, "en"));

const tieBreak = (a: { ref: string | null; title: string; id: string }, b: { ref: string | null; title: string; id: string }) =>
  compareText(a.ref, b.ref) || compareText(a.title, b.title) || compareText(a.id, b.id);

const priority = (a: PlannedItem, b: PlannedItem) =>
  severityRank[a.severity] - severityRank[b.severity] || b.roi - a.roi || tieBreak({ ...a, id: a.findingId }, { ...b, id: b.findingId });

function skipReason(finding: PlanFinding, weights: Record<Severity, number>): SkippedFinding["reason"] | null {
  if (finding.severity === "info") return "info";
  if (!(weights[finding.severity] > 0)) return "zeroWeight";
  return null;
}

/** Continue after the highest "Sprint N" the project has ("Sprint 1 — Immediate" counts; "Sprint 2b" does not). */
function firstSprintNumber(existing: string[]): number {
  const numbers = existing.flatMap((name) => {
    const digits = /^\s*sprint\s+(\d+)(?!\w)/i.exec(name)?.[1];
    return digits === undefined ? [] : [Number(digits)];
  });
  return Math.max(0, ...numbers) + 1;
}

export function autoPlan(input: AutoPlanInput): AutoPlan {
  const { capacityHours, sprintCount, weights } = input;
  if (!Number.isFinite(capacityHours) || capacityHours <= 0) throw new RangeError(`capacityHours must be a positive number of hours, got ${capacityHours}.`);
  if (!Number.isInteger(sprintCount) || sprintCount < 1) throw new RangeError(`sprintCount must be a whole number of at least 1, got ${sprintCount}.`);
  const capacityMinutes = Math.round(capacityHours * 60);

  // Every finding with an effort informs the medians, skipped ones too: they are still work of that size.
  const estimate = effortEstimator(input.samples ?? input.findings);
  const skipped: SkippedFinding[] = [];
  const candidates: PlannedItem[] = [];
  for (const finding of [...input.findings].sort(tieBreak)) {
    const reason = skipReason(finding, weights);
    if (reason !== null) {
      skipped.push({ findingId: finding.id, reason });
      continue;
    }
    const { effortMinutes, estimated } = estimate(finding);
    const { id, title, ref, severity } = finding;
    candidates.push({ findingId: id, title, ref, severity, effortMinutes, estimated, roi: weights[severity] / (effortMinutes / 60), overCapacity: effortMinutes > capacityMinutes });
  }

  const filled: { items: PlannedItem[]; effortMinutes: number }[] = [];
  const unplanned: PlannedItem[] = [];
  for (const item of candidates.sort(priority)) {
    // An over-capacity item fits no sprint, not even an empty one, so it opens its own and fills it.
    let sprint = filled.find((s) => s.effortMinutes + item.effortMinutes <= capacityMinutes);
    if (!sprint && filled.length < sprintCount) filled.push((sprint = { items: [], effortMinutes: 0 }));
    if (!sprint) {
      unplanned.push(item);
      continue;
    }
    sprint.items.push(item);
    sprint.effortMinutes += item.effortMinutes;
  }

  const first = firstSprintNumber(input.existingSprintNames ?? []);
  const sprints = filled.map((s, i) => ({ name: `Sprint ${first + i}`, ...s, capacityMinutes }));
  return { sprints, unplanned, skipped };
}
