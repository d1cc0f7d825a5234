import "server-only";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { takeSnapshot } from "@/lib/maturity/take-snapshot";

// One snapshot a day per project, even when nothing changed, so trend lines have a point for
// every day. The server checks every hour; with several replicas, one does it (an advisory lock).

const HOUR = 3_600_000;

export async function takeDailySnapshots(now = new Date()): Promise<number> {
  const db = getDb();
  const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`select pg_try_advisory_xact_lock(hashtext('readyboard.daily-snapshots')) as locked`;
      if (!lock?.locked) return 0;
      const due = await tx.$queryRaw<{ id: string }[]>`
        select p.id from "Project" p
        where not exists (select 1 from "Snapshot" s where s."projectId" = p.id and s."takenAt" >= ${startOfDay})`;
      for (const { id } of due) await takeSnapshot(id, now);
      return due.length;
    },
    { timeout: 10 * 60_000 },
  );
}

let timer: NodeJS.Timeout | null = null;

export function startDailySnapshots(): void {
  if (timer) return;
  const run = () => takeDailySnapshots().catch((error: unknown) => logger.error({ err: error }, "daily snapshots failed"));
  void run();
  timer = setInterval(run, HOUR);
  timer.unref();
}
