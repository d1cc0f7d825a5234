import "server-only";
import { getDb } from "@/lib/db";
import { findingsWhere } from "@/lib/findings/find-findings";
import type { FindFindingsQuery } from "@/lib/findings/schema";

// One page of a project's findings for an export, by id after a cursor: each page is one index
// range, however far into 100,000 findings it is (an offset would re-read every row before it).

export const exportPageSize = 2000;

export function findExportFindings(projectId: string, query: FindFindingsQuery, after: string | null, take = exportPageSize) {
  return getDb().finding.findMany({
    where: { AND: [findingsWhere(projectId, query), after ? { id: { gt: after } } : {}] },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, ref: true, title: true, severity: true, status: true, kind: true, source: true, description: true,
      cwe: true, cve: true, packageName: true, installedVersion: true, fixedVersion: true,
      firstSeenAt: true, lastSeenAt: true, resolvedAt: true,
      category: { select: { name: true } },
      assignee: { select: { email: true } },
      locations: { select: { file: true, line: true }, orderBy: { id: "asc" } },
      sources: { select: { tool: true }, orderBy: { tool: "asc" } },
    },
  });
}

export type ExportFinding = Awaited<ReturnType<typeof findExportFindings>>[number];
