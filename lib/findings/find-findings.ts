import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { findFindingsSchema, type FindFindingsQuery } from "@/lib/findings/schema";
import { parseInput } from "@/lib/validation";

// Prisma passes `contains` to ILIKE as is; without escaping, "100%" would also find "1000".
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The list's filters as a where clause; exports read the same rows. */
export function findingsWhere(projectId: string, query: FindFindingsQuery): Prisma.FindingWhereInput {
  const { severity, status, kind, source, category } = query;
  const q = query.q && likeLiteral(query.q);
  return {
    projectId,
    severity,
    status,
    kind,
    source,
    category: category ? { key: category } : undefined,
    // A substring search (ILIKE) scans the project's rows; fine at 100,000 (see the tests).
    OR: q
      ? [
          { title: { contains: q, mode: "insensitive" } },
          { ref: { contains: q, mode: "insensitive" } },
          { description: { contains: q, mode: "insensitive" } },
        ]
      : undefined,
  };
}

function findingsOrder({ sort, dir }: FindFindingsQuery): Prisma.FindingOrderByWithRelationInput[] {
  // Findings without a ref sort after those with one, whichever the direction.
  const first = sort === "ref" ? { ref: { sort: dir, nulls: "last" as const } } : { [sort]: dir };
  // Ties break on age, then id, so a page never shows a row twice or skips one.
  return [first, { createdAt: "desc" }, { id: "asc" }];
}

/**
 * One page of a project's findings with the number that match: one count and one page query.
 * Severity and status filters use the (projectId, status, severity) index.
 */
export async function findFindings(projectId: string, rawQuery: unknown) {
  const query = parseInput(findFindingsSchema, rawQuery ?? {});
  const where = findingsWhere(projectId, query);
  const db = getDb();
  const [total, items] = await Promise.all([
    db.finding.count({ where }),
    db.finding.findMany({
      where,
      orderBy: findingsOrder(query),
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
        firstSeenAt: true,
        lastSeenAt: true,
        createdAt: true,
        category: { select: { key: true, name: true } },
        assignee: { select: { email: true } },
      },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  return { items, total, page: query.page, pageSize: query.pageSize, pages, query };
}
