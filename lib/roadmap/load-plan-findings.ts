import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Severity } from "@/lib/maturity/score";
import { readMaturitySettings } from "@/lib/maturity/settings";
import type { PlanFinding } from "@/lib/roadmap/planning/auto-plan";
import type { EffortSample } from "@/lib/roadmap/planning/estimate-effort";

// What auto-plan works from, read in one query: the open findings no unfinished item addresses
// yet (those are already planned), and an effort for every finding an item with an effort
// addresses (its share of the item) as the samples the category medians come from.

type Row = { id: string; ref: string | null; title: string; severity: Severity; status: string; categoryKey: string | null; effort: number | null; planned: boolean };

export async function loadPlanFindings(db: Db | Tx, projectId: string) {
  const [rows, project, sprints] = await Promise.all([
    db.$queryRaw<Row[]>`
      select f.id, f.ref, f.title, f.severity::text as severity, f.status::text as status, c.key as "categoryKey",
             (select min(i."effortMinutes" / greatest(1, (select count(*) from "RoadmapItemFinding" n where n."itemId" = i.id)))::int
                from "RoadmapItemFinding" l join "RoadmapItem" i on i.id = l."itemId"
               where l."findingId" = f.id and i."effortMinutes" > 0) as effort,
             exists (select 1 from "RoadmapItemFinding" l join "RoadmapItem" i on i.id = l."itemId"
                      where l."findingId" = f.id and i.status <> 'done') as planned
      from "Finding" f left join "Category" c on c.id = f."categoryId"
      where f."projectId" = ${projectId} and f.status not in ('false_positive', 'duplicate')`,
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { maturitySettings: true } }),
    db.sprint.findMany({ where: { projectId }, select: { name: true } }),
  ]);
  const open = rows.filter((r) => (r.status === "open" || r.status === "in_progress") && !r.planned);
  return {
    findings: open.map((r): PlanFinding => ({ id: r.id, ref: r.ref, title: r.title, severity: r.severity, categoryKey: r.categoryKey, effortMinutes: r.effort })),
    samples: rows.map((r): EffortSample => ({ categoryKey: r.categoryKey, effortMinutes: r.effort })),
    weights: readMaturitySettings(project.maturitySettings).severityWeights,
    sprintNames: sprints.map((s) => s.name),
  };
}
