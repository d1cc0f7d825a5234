import "server-only";
import { getDb } from "@/lib/db";
import { loadPlanFindings } from "@/lib/roadmap/load-plan-findings";
import { autoPlan } from "@/lib/roadmap/planning/auto-plan";
import { autoPlanSchema } from "@/lib/roadmap/schema";
import { parseInput } from "@/lib/validation";

/** A proposal for a lead to adjust: the project's unplanned open findings in sprints of the capacity given. */
export async function proposeAutoPlan(projectId: string, input: unknown) {
  const { capacityHours, sprintCount } = parseInput(autoPlanSchema, input);
  const { findings, samples, weights, sprintNames } = await loadPlanFindings(getDb(), projectId);
  return { capacityHours, sprintCount, ...autoPlan({ findings, samples, capacityHours, sprintCount, weights, existingSprintNames: sprintNames }) };
}
