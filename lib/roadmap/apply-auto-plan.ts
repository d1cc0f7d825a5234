import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";
import { loadPlanFindings } from "@/lib/roadmap/load-plan-findings";
import { effortEstimator } from "@/lib/roadmap/planning/estimate-effort";
import { createFindingItems, lockRoadmap, nextSprintPosition } from "@/lib/roadmap/roadmap-step";
import { applyAutoPlanSchema } from "@/lib/roadmap/schema";
import { parseInput } from "@/lib/validation";

/**
 * Applies an auto-plan as the lead adjusted it, all or nothing: the sprints after the last one,
 * each with one item per finding, linked to it and sized as the plan sized it (its own effort or
 * the median of its category). Findings planned meanwhile, or no longer open, refuse the whole.
 */
export async function applyAutoPlan(actor: Actor, projectId: string, input: unknown) {
  const { sprints } = parseInput(applyAutoPlanSchema, input);
  const chosen = sprints.filter((s) => s.findingIds.length > 0);
  const ids = chosen.flatMap((s) => s.findingIds);
  if (!ids.length) throw new AppError("invalid", "Some fields need attention.", { sprints: ["Keep at least one finding in the plan."] });
  if (new Set(ids).size !== ids.length) throw new AppError("invalid", "Some fields need attention.", { sprints: ["Each finding goes into one sprint only."] });

  const result = await getDb().$transaction(async (tx) => {
    await lockRoadmap(tx, projectId);
    const { findings, samples } = await loadPlanFindings(tx, projectId);
    const plannable = new Map(findings.map((f) => [f.id, f]));
    if (ids.some((id) => !plannable.has(id))) {
      throw new AppError("conflict", "Some of these findings were planned, resolved or removed since the proposal was made. Make a new proposal.");
    }
    const estimate = effortEstimator(samples);
    const first = await nextSprintPosition(tx, projectId);
    const created = await tx.sprint.createManyAndReturn({
      data: chosen.map((sprint, n) => ({ projectId, name: sprint.name, position: first + n })),
      select: { id: true, position: true },
    });
    const sprintAt = new Map(created.map((s) => [s.position, s.id]));
    const planned = chosen.flatMap((sprint, n) =>
      sprint.findingIds.map((findingId, position) => {
        const finding = plannable.get(findingId)!;
        return { sprintId: sprintAt.get(first + n)!, position, finding, effortMinutes: estimate(finding).effortMinutes };
      }),
    );
    const items = (await createFindingItems(tx, actor, projectId, planned)).length;
    await recordAudit(tx, actor, { action: "roadmap.autoPlan", targetType: "project", targetId: projectId, projectId, detail: { sprints: chosen.length, items } });
    return { sprints: chosen.length, items };
  });
  await noteReadinessChange(projectId);
  return result;
}
