import "server-only";
import { getDb } from "@/lib/db";

/** The latest value of each whole-run metric of a project, with the scan that measured it. */
export function findLatestMetrics(projectId: string) {
  return getDb().$queryRaw<{ key: string; value: number; unit: string | null; measuredAt: Date; tool: string | null }[]>`
    select distinct on (m.key) m.key, m.value, m.unit, m."measuredAt", s.tool
    from "Metric" m left join "Scan" s on s.id = m."scanId"
    where m."projectId" = ${projectId} and m.scope is null
    order by m.key, m."measuredAt" desc, m.id desc`;
}
