import "server-only";
import { getDb } from "@/lib/db";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { createApiTokenSchema } from "@/lib/tokens/schema";
import { hashToken, newTokenSecret, tokenPrefix } from "@/lib/tokens/token-secret";
import { parseInput } from "@/lib/validation";

/** Creates a token for one project; the plain token is returned here once and never again. */
export async function createApiToken(actor: Actor, projectId: string, input: unknown) {
  const { name } = parseInput(createApiTokenSchema, input);
  const token = newTokenSecret();
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { projectId, name, tokenHash: hashToken(token), prefix: tokenPrefix(token), createdById: actor.id },
      select: { id: true, name: true, prefix: true, createdAt: true },
    });
    await recordAudit(tx, actor, { action: "token.create", targetType: "apiToken", targetId: row.id, projectId, detail: { name } });
    return { ...row, token };
  });
}
