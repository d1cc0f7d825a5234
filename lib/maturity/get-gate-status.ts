import "server-only";
import { getDb } from "@/lib/db";
import { countedFinding } from "@/lib/maturity/counted-findings";
import { evaluateGate, type GateResult } from "@/lib/maturity/gate";

/** The gate of a project now: its enabled criteria against the latest metrics and open findings. */
export async function getGateStatus(projectId: string, now = new Date()): Promise<GateResult> {
  const db = getDb();
  const [criteria, open, metrics, lastScan] = await Promise.all([
    db.gateCriterion.findMany({ where: { projectId, enabled: true }, orderBy: { createdAt: "asc" }, select: { key: true, threshold: true, label: true } }),
    // Accepted risks do not block until their acceptance runs out.
    db.$queryRaw<{ severity: string; count: bigint }[]>`
      select f.severity::text, count(*) from "Finding" f
      where f."projectId" = ${projectId} and f.severity in ('critical', 'high') and ${countedFinding(now)}
      group by f.severity`,
    db.$queryRaw<{ key: string; value: number }[]>`
      select distinct on (key) key, value from "Metric"
      where "projectId" = ${projectId} and scope is null order by key, "measuredAt" desc, id desc`,
    db.scan.findFirst({ where: { projectId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  const count = (severity: string) => Number(open.find((o) => o.severity === severity)?.count ?? 0);
  return evaluateGate(criteria, {
    openCritical: count("critical"),
    openHigh: count("high"),
    metrics: Object.fromEntries(metrics.map((m) => [m.key, m.value])),
    lastScanAt: lastScan?.createdAt ?? null,
    now,
  });
}
