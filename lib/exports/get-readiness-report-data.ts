import "server-only";
import { getDb } from "@/lib/db";
import type { FindingStatus } from "@/lib/generated/prisma/enums";
import { findLatestMetrics } from "@/lib/maturity/find-latest-metrics";

// Everything the readiness report shows, read for one project. Counts are aggregated in SQL;
// open findings are read whole, since the report lists each one.

const openStatuses: FindingStatus[] = ["open", "in_progress"];
/** Closed findings the report lists by name; the rest are counted (the CSV export has them all). */
const closedListed = 500;

const itemSelect = (projectId: string) =>
  ({
    title: true,
    status: true,
    effortMinutes: true,
    effortMinutesHigh: true,
    effortText: true,
    files: true,
    findings: { where: { finding: { projectId } }, select: { finding: { select: { ref: true } } } },
  }) as const;

/** The refs of the findings an item addresses, in order, so the importer can link them again. */
function withRefs<T extends { findings: { finding: { ref: string | null } }[] }>(item: T) {
  const { findings, ...rest } = item;
  const refs = findings.flatMap((l) => (l.finding.ref ? [l.finding.ref] : []));
  return { ...rest, refs: [...new Set(refs)].sort((a, b) => a.localeCompare(b, "en", { numeric: true })) };
}

export async function getReadinessReportData(project: { id: string; slug: string; name: string }) {
  const db = getDb();
  const projectId = project.id;
  const [categories, counts, findings, closed, closedCount, strengths, sprints, backlog, gateCriteria, metrics] = await Promise.all([
    db.category.findMany({ where: { projectId }, orderBy: [{ position: "asc" }, { key: "asc" }], select: { key: true, name: true } }),
    db.finding.groupBy({ by: ["severity", "status"], where: { projectId }, _count: { _all: true } }),
    db.finding.findMany({
      where: { projectId, status: { in: openStatuses } },
      orderBy: { id: "asc" },
      select: {
        ref: true, title: true, description: true, recommendation: true, severity: true, severityInferred: true, kind: true, status: true,
        category: { select: { key: true } },
        locations: { select: { file: true, line: true }, orderBy: { id: "asc" } },
      },
    }),
    db.finding.findMany({
      where: { projectId, status: { notIn: openStatuses } },
      orderBy: [{ resolvedAt: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }],
      take: closedListed,
      select: { ref: true, title: true, severity: true, status: true, resolvedAt: true, riskAcceptedUntil: true },
    }),
    db.finding.count({ where: { projectId, status: { notIn: openStatuses } } }),
    db.strength.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { title: true, detail: true } }),
    db.sprint.findMany({
      where: { projectId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { name: true, window: true, goal: true, closedAt: true, items: { where: { projectId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: itemSelect(projectId) } },
    }),
    db.roadmapItem.findMany({ where: { projectId, sprintId: null }, orderBy: [{ position: "asc" }, { id: "asc" }], select: itemSelect(projectId) }),
    db.gateCriterion.findMany({ where: { projectId, enabled: true }, orderBy: [{ createdAt: "asc" }, { key: "asc" }], select: { key: true, threshold: true, label: true } }),
    findLatestMetrics(projectId),
  ]);
  return {
    project: { slug: project.slug, name: project.name },
    categories,
    counts: counts.map((c) => ({ severity: c.severity, status: c.status, count: c._count._all })),
    findings: findings.map(({ category, ...f }) => ({ ...f, category: category?.key ?? null })),
    closed: { listed: closed, total: closedCount },
    strengths,
    sprints: sprints.map((s) => ({ ...s, items: s.items.map(withRefs) })),
    backlog: backlog.map(withRefs),
    gateCriteria,
    metrics: metrics.map(({ key, value, unit }) => ({ key, value, unit })),
  };
}

export type ReadinessReportData = Awaited<ReturnType<typeof getReadinessReportData>>;
