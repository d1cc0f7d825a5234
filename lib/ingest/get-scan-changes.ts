import "server-only";
import { getDb } from "@/lib/db";

const findingColumns = { id: true, ref: true, title: true, severity: true, status: true } as const;
const LIMIT = 200;

/**
 * One scan of a project and what it changed: the findings it brought (first seen by it), the
 * ones it reopened and the ones it resolved, the first 200 of each, most severe first.
 */
export async function getScanChanges(projectId: string, scanId: string) {
  const db = getDb();
  const scan = await db.scan.findFirst({ where: { id: scanId, projectId }, include: { uploadedBy: { select: { email: true, name: true } }, metrics: { orderBy: { key: "asc" } } } });
  if (!scan) return null;
  const bySeverity = [{ severity: "asc" as const }, { title: "asc" as const }];
  const [created, reopened, closed] = await Promise.all([
    // New to the project, not merely new to this tool: created by this scan's transaction.
    db.finding.findMany({ where: { projectId, createdAt: { gte: scan.createdAt }, sources: { some: { firstScanId: scan.id } } }, select: findingColumns, orderBy: bySeverity, take: LIMIT }),
    db.finding.findMany({ where: { projectId, events: { some: { scanId: scan.id, field: "status", toValue: "open" } } }, select: findingColumns, orderBy: bySeverity, take: LIMIT }),
    db.finding.findMany({ where: { projectId, events: { some: { scanId: scan.id, field: "status", toValue: "resolved" } } }, select: findingColumns, orderBy: bySeverity, take: LIMIT }),
  ]);
  return { scan, created, reopened, closed };
}
