import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/validation";

export const findScansSchema = z.object({
  limit: z.coerce.number({ error: "A number." }).int("A whole number.").min(1, "At least 1.").max(100, "At most 100.").default(20),
  tool: z.string().trim().max(100).optional(),
});

const scanColumns = {
  id: true, tool: true, format: true, fileName: true, sha256: true, sizeBytes: true, branch: true, commit: true, closeMissing: true,
  findingCount: true, metricCount: true, createdCount: true, reopenedCount: true, unchangedCount: true, closedCount: true, durationMs: true,
  actorLabel: true, createdAt: true, uploadedBy: { select: { email: true, name: true } },
} as const;

/** A project's latest scans, newest first, with what each changed. */
export function findScans(projectId: string, query: unknown) {
  const { limit, tool } = parseInput(findScansSchema, query);
  return getDb().scan.findMany({ where: { projectId, ...(tool ? { tool } : {}) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: scanColumns });
}
