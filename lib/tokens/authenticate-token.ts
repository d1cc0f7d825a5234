import "server-only";
import { getDb } from "@/lib/db";
import { hashToken } from "@/lib/tokens/token-secret";

/** The active token with this secret, or null; marks it used (at most once a minute). */
export async function authenticateToken(token: string) {
  const db = getDb();
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, projectId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!found || found.revokedAt) return null;
  const now = new Date();
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return found;
}
