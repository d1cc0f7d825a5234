import "server-only";
import { getDb } from "@/lib/db";

/** A project's tokens, newest first; never the hash. */
export function findApiTokens(projectId: string) {
  return getDb().apiToken.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { email: true } } },
  });
}
