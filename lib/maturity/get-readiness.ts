import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getMaturity, type Maturity } from "@/lib/maturity/get-maturity";

// Readiness as pages and the API read it: the row every change writes (take-snapshot.ts),
// computed again when it is missing or older than an hour (an accepted risk that expired or a
// scan that grew old changes it without any write).

const MAX_AGE_MS = 3_600_000;

/** JSON turns dates into strings; the gate keeps none, so only the shape needs restoring. */
const fromJson = (data: Prisma.JsonValue) => data as unknown as Maturity;

export async function storeReadiness(projectId: string, maturity: Maturity, now: Date): Promise<void> {
  const data = maturity as unknown as Prisma.InputJsonValue;
  await getDb().readiness.upsert({ where: { projectId }, create: { projectId, computedAt: now, data }, update: { computedAt: now, data } });
}

export async function getReadiness(projectId: string, now = new Date()): Promise<Maturity> {
  const cached = await getDb().readiness.findUnique({ where: { projectId } });
  if (cached && now.getTime() - cached.computedAt.getTime() < MAX_AGE_MS) return fromJson(cached.data);
  const maturity = await getMaturity(projectId, { now });
  await storeReadiness(projectId, maturity, now);
  return maturity;
}
