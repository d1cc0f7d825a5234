import "server-only";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";

/** Refreshes the findings gauge from one grouped query; a database failure leaves it as it was. */
export async function collectFindings(): Promise<void> {
  try {
    const rows = await getDb().finding.groupBy({ by: ["severity", "status"], _count: { _all: true } });
    const gauge = metrics().findings;
    gauge.reset();
    for (const r of rows) gauge.set({ severity: r.severity, status: r.status }, r._count._all);
  } catch (error) {
    logger.warn({ err: error }, "could not count findings for /api/metrics");
  }
}
