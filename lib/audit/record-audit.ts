import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

export type Actor = { id: string | null; label: string };

export const userActor = (user: { id: string }): Actor => ({ id: user.id, label: `user:${user.id}` });
export const cliActor: Actor = { id: null, label: "cli" };

export async function recordAudit(
  tx: Tx,
  actor: Actor,
  entry: { action: string; targetType: string; targetId?: string; projectId?: string; detail?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditLog.create({ data: { actorId: actor.id, actorLabel: actor.label, ...entry } });
}
