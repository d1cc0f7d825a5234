import "server-only";
import { insertEvents, SCAN_NOTE_PREFIX, type ScanContext } from "@/lib/ingest/write-scan-batch";

/**
 * After a scan of a tool (and branch): its sightings the scan did not repeat are gone, and a
 * finding that no tool still sees is resolved "fixed per scan". Findings people marked as risk
 * accepted, false positive or duplicate keep that status.
 */
export async function closeMissingFindings(ctx: ScanContext): Promise<number> {
  const { tx } = ctx;
  const gone = await tx.$queryRaw<{ findingId: string }[]>`
    update "FindingSource" set present = false
    where "projectId" = ${ctx.projectId} and tool = ${ctx.tool} and branch = ${ctx.branch} and present and "lastScanId" is distinct from ${ctx.scanId}
    returning "findingId"`;
  if (!gone.length) return 0;
  const closed = await tx.$queryRaw<{ id: string; status: string }[]>`
    update "Finding" f set status = 'resolved', "resolvedAt" = ${ctx.now}, "statusReason" = 'Fixed per scan', "updatedAt" = ${ctx.now}
    from (select id, status::text as status from "Finding" where id = any(${[...new Set(gone.map((g) => g.findingId))]}::text[]) for update) before
    where f.id = before.id and f.status in ('open', 'in_progress')
      and not exists (select 1 from "FindingSource" s where s."findingId" = f.id and s.present)
    returning f.id, before.status`;
  const note = `Fixed per scan: ${SCAN_NOTE_PREFIX}${ctx.fileName} no longer reports it`.slice(0, 300);
  await insertEvents(ctx, closed.map((c) => ({ findingId: c.id, field: "status", from: c.status, to: "resolved", note })));
  return closed.length;
}
