import "server-only";
import { getDb } from "@/lib/db";

/** Every criterion a project has recorded, switched on or off, as the settings page edits them. */
export function findGateCriteria(projectId: string) {
  return getDb().gateCriterion.findMany({ where: { projectId }, select: { key: true, threshold: true, enabled: true, label: true, source: true } });
}
