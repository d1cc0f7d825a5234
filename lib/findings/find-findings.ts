import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findFindingsSchema, type FindFindingsQuery } from "@/lib/findings/schema";

export function findingsWhere(projectId: string, query: FindFindingsQuery): Prisma.FindingWhereInput {
  return {
    projectId,
    severity: query.severity,
    status: query.status,
    kind: query.kind,
    source: query.source,
    category: query.category ? { key: query.category } : undefined,
    OR: query.q
      ? [
          { title: { contains: query.q, mode: "insensitive" } },
          { ref: { contains: query.q, mode: "insensitive" } },
          { description: { contains: query.q, mode: "insensitive" } },
        ]
      : undefined,
  };
}

/**
 * One page of a project's findings with the total that matches. The (projectId, status,
 * severity) index serves the filters; a page is a LIMIT/OFFSET over a stable order.
 */
export async function findFindings(projectId: string, rawQuery: unknown) {
  const query = findFindingsSchema.parse(rawQuery ?? {});
  const where = findingsWhere(projectId, query);
  const db = getDb();
  const orderBy: Prisma.FindingOrderByWithRelationInput[] = [{ [query.sort]: query.dir }, { createdAt: "desc" }, { id: "asc" }];
  const [total, items] = await Promise.all([
    db.finding.count({ where }),
    db.finding.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        ref: true,
        title: true,
        severity: true,
        severityInferred: true,
        status: true,
        kind: true,
        source: true,
        lastSeenAt: true,
        createdAt: true,
        category: { select: { key: true, name: true } },
        assignee: { select: { email: true } },
      },
    }),
  ]);
  return { items, total, page: query.page, pageSize: query.pageSize, pages: Math.max(1, Math.ceil(total / query.pageSize)), query };
}

/** Distinct sources in a project, for the source filter. */
export async function findFindingSources(projectId: string): Promise<string[]> {
  const rows = await getDb().finding.groupBy({ by: ["source"], where: { projectId }, orderBy: { source: "asc" } });
  return rows.map((r) => r.source);
}
