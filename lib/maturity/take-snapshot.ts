import "server-only";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { backfillSnapshots } from "@/lib/maturity/backfill-snapshots";
import { getMaturity } from "@/lib/maturity/get-maturity";
import { storeReadiness } from "@/lib/maturity/get-readiness";
import { snapshotFields } from "@/lib/maturity/snapshot-fields";

// Snapshots are the source of every trend chart. One is taken whenever findings, metrics or
// settings change, coalesced to at most one a minute per project (a later change within the
// minute updates it), and one a day (daily-snapshots.ts).

const COALESCE_MS = 60_000;

export async function takeSnapshot(projectId: string, now = new Date()): Promise<void> {
  const db = getDb();
  const maturity = await getMaturity(projectId, { now });
  const data = snapshotFields(maturity, maturity.gate.status === "pass");
  const first = await db.$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('readyboard.snapshot'), hashtext(${projectId}))`;
    const last = await tx.snapshot.findFirst({ where: { projectId }, orderBy: { takenAt: "desc" }, select: { id: true, takenAt: true } });
    if (last && now.getTime() - last.takenAt.getTime() < COALESCE_MS && last.takenAt <= now) {
      await tx.snapshot.update({ where: { id: last.id }, data });
    } else {
      await tx.snapshot.create({ data: { projectId, takenAt: now, ...data } });
    }
    return !last;
  });
  await storeReadiness(projectId, maturity, now);
  // A project's first snapshot: its findings may be older (a restored backup), so the days
  // before are rebuilt from their first-seen and resolved dates, and trends start there.
  if (first) await backfillSnapshots(projectId, now);
}

/** After a change to what readiness is computed from: a snapshot, never failing the change itself. */
export async function noteReadinessChange(projectId: string): Promise<void> {
  try {
    await takeSnapshot(projectId);
  } catch (error) {
    logger.error({ err: error, projectId }, "snapshot failed");
  }
}
