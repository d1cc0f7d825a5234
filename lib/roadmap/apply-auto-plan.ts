import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";
import { loadPlanFindings } from "@/lib/roadmap/load-plan-findings";
import { effortEstimator } from "@/lib/roadmap/planning/estimate-effort";
import { lockRoadmap, recordItemEvents } from "@/lib/roadmap/roadmap-step";
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
    let position = ((await tx.sprint.aggregate({ where: { projectId }, _max: { position: true } }))._max.position ?? -1) + 1;
    let items = 0;
    for (const planned of chosen) {
      const sprint = await tx.sprint.create({ data: { projectId, name: planned.name, position: position++ } });
      for (const [index, findingId] of planned.findingIds.entries()) {
        const f = plannable.get(findingId)!;
        const item = await tx.roadmapItem.create({
          data: {
            projectId, sprintId: sprint.id, position: index, title: (f.ref ? `${f.ref}: ${f.title}` : f.title).slice(0, 500),
            effortMinutes: estimate(f).effortMinutes, findings: { create: { findingId } },
          },
        });
        await recordItemEvents(tx, actor, item.id, [{ field: "created", from: null, to: item.title }]);
        items++;
      }
    }
    await recordAudit(tx, actor, { action: "roadmap.autoPlan", targetType: "project", targetId: projectId, projectId, detail: { sprints: chosen.length, items } });
    return { sprints: chosen.length, items };
  });
  await noteReadinessChange(projectId);
  return result;
}
