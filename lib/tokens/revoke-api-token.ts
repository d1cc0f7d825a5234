import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";

export async function revokeApiToken(actor: Actor, projectId: string, tokenId: string) {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, projectId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new AppError("not_found", "No active token with that id in this project.");
    await recordAudit(tx, actor, { action: "token.revoke", targetType: "apiToken", targetId: tokenId, projectId });
  });
}
