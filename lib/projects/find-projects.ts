import "server-only";
import { getDb } from "@/lib/db";
import type { Severity } from "@/lib/generated/prisma/enums";

export type ProjectSummary = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  updatedAt: Date;
  open: Record<Severity, number>;
  openTotal: number;
};

const openStatuses = ["open", "in_progress"] as const;

/** Every project with its open findings counted by severity (one grouped query). */
export async function findProjects(): Promise<ProjectSummary[]> {
  const db = getDb();
  const [projects, counts] = await Promise.all([
    db.project.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, description: true, updatedAt: true } }),
    db.finding.groupBy({
      by: ["projectId", "severity"],
      where: { status: { in: [...openStatuses] } },
      _count: { _all: true },
    }),
  ]);
  return projects.map((p) => {
    const open: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    for (const c of counts) if (c.projectId === p.id) open[c.severity] = c._count._all;
    return { ...p, open, openTotal: Object.values(open).reduce((a, b) => a + b, 0) };
  });
}

/** Slug and name of every project, for the sidebar. */
export function findProjectLinks() {
  return getDb().project.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}

export function getProjectBySlug(slug: string) {
  return getDb().project.findUnique({ where: { slug }, include: { categories: { orderBy: { position: "asc" } } } });
}
