import "server-only";
import { getDb } from "@/lib/db";
import { countedFinding } from "@/lib/maturity/counted-findings";
import { findLatestMetrics } from "@/lib/maturity/find-latest-metrics";
import { evaluateGate, type GateResult } from "@/lib/maturity/gate";

/**
 * What a gate is judged on besides the open findings: its enabled criteria, the latest metrics and
 * the last scan. getMaturity counts open findings anyway, so it reads only this and judges itself.
 */
export async function findGateEvidence(projectId: string) {
  const db = getDb();
  const [criteria, metrics, lastScan] = await Promise.all([
    db.gateCriterion.findMany({ where: { projectId, enabled: true }, orderBy: { createdAt: "asc" }, select: { key: true, threshold: true, label: true } }),
    findLatestMetrics(projectId),
    db.scan.findFirst({ where: { projectId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  return { criteria, metrics: Object.fromEntries(metrics.map((m) => [m.key, m.value])), lastScanAt: lastScan?.createdAt ?? null };
}

/** The gate of a project now: its enabled criteria against the latest metrics and open findings. */
export async function getGateStatus(projectId: string, now = new Date()): Promise<GateResult> {
  const [evidence, open] = await Promise.all([
    findGateEvidence(projectId),
    // Accepted risks do not block until their acceptance runs out.
    getDb().$queryRaw<{ severity: string; count: bigint }[]>`
      select f.severity::text, count(*) from "Finding" f
      where f."projectId" = ${projectId} and f.severity in ('critical', 'high') and ${countedFinding(now)}
      group by f.severity`,
  ]);
  const count = (severity: string) => Number(open.find((o) => o.severity === severity)?.count ?? 0);
  return evaluateGate(evidence.criteria, {
    openCritical: count("critical"),
    openHigh: count("high"),
    metrics: evidence.metrics,
    lastScanAt: evidence.lastScanAt,
    now,
  });
}
