import "server-only";
import { getDb } from "@/lib/db";

/** The sources ("manual", "report", tool names) a project's findings come from, for the source filter. */
export async function findFindingSources(projectId: string): Promise<string[]> {
  const rows = await getDb().finding.groupBy({ by: ["source"], where: { projectId }, orderBy: { source: "asc" } });
  return rows.map((row) => row.source);
}
