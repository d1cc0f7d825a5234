import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/validation";

export const findReportImportsSchema = z.object({
  limit: z.coerce.number({ error: "A number." }).int("A whole number.").min(1, "At least 1.").max(100, "At most 100.").default(20),
});

/** A project's latest report imports, newest first: file, who, when and the counts. */
export function findReportImports(projectId: string, query: unknown) {
  const { limit } = parseInput(findReportImportsSchema, query);
  return getDb().reportImport.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true, fileName: true, sha256: true, actorLabel: true, createdAt: true,
      addedCount: true, updatedCount: true, unchangedCount: true, missingCount: true, detail: true,
      importedBy: { select: { email: true, name: true } },
    },
  });
}
