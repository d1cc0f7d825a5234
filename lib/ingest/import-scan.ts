import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { chooseParser, readScanRecords } from "@/lib/ingest/choose-parser";
import { closeMissingFindings } from "@/lib/ingest/close-missing-findings";
import { groupScanFindings, newScanSeen } from "@/lib/ingest/group-scan-findings";
import type { ScanFinding, ScanMetric, ScanSource } from "@/lib/ingest/scan-types";
import { scanUploadOptionsSchema } from "@/lib/ingest/schema";
import { writeScanBatch, type BatchCounts, type ScanContext } from "@/lib/ingest/write-scan-batch";
import { parseInput } from "@/lib/validation";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";

// A scan file into a project, all or nothing: findings by batch as the parser streams them,
// then the ones this tool no longer reports resolved, then the Scan row with its counts.

const BATCH = 5000;

export type ScanSummary = {
  scanId: string;
  tool: string;
  format: string;
  fileName: string;
  branch: string | null;
  findings: number;
  metrics: number;
  created: number;
  reopened: number;
  unchanged: number;
  closed: number;
  durationMs: number;
};

export type ImportScanInput = { source: ScanSource; sha256: string; options?: unknown };

export async function importScan(actor: Actor, projectId: string, input: ImportScanInput): Promise<ScanSummary> {
  const options = parseInput(scanUploadOptionsSchema, input.options ?? {});
  const { source } = input;
  const parser = await chooseParser(source, options.format);
  const started = Date.now();
  const summary = await getDb().$transaction(
    async (tx) => {
      // Uploads to one project take turns, so two copies of a file sent at once cannot both create its findings.
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtext('readyboard.scan-import'), hashtext(${projectId}))`;
      const categories = new Map((await tx.category.findMany({ where: { projectId }, select: { id: true, key: true } })).map((c) => [c.key, c.id]));
      const scan = await tx.scan.create({
        data: {
          projectId, tool: parser.format, format: parser.format, fileName: source.fileName, sha256: input.sha256, sizeBytes: source.size,
          branch: options.branch ?? null, commit: options.commit ?? null, closeMissing: options.closeMissing,
          uploadedById: actor.id, actorLabel: actor.label,
        },
      });
      let ctx: ScanContext | null = null;
      const context = (tool: string): ScanContext =>
        (ctx ??= { tx, projectId, scanId: scan.id, tool, branch: options.branch ?? "", now: new Date(), actorId: actor.id, categories, fileName: source.fileName });

      const counts: BatchCounts = { created: 0, reopened: 0, unchanged: 0 };
      const seen = newScanSeen();
      const metrics: ScanMetric[] = [];
      let batch: ScanFinding[] = [];
      // One batch is written while the next is parsed: PostgreSQL and the parser each have a core.
      let writing: Promise<void> = Promise.resolve();
      const flush = async () => {
        if (!batch.length) return;
        const groups = groupScanFindings(batch, seen);
        const ctx = context(batch[0]!.tool);
        batch = [];
        await writing;
        writing = writeScanBatch(ctx, groups).then((written) => {
          counts.created += written.created;
          counts.reopened += written.reopened;
          counts.unchanged += written.unchanged;
        });
        // A failed write is reported by the next flush; until then it must not count as unhandled.
        writing.catch(() => {});
      };
      for await (const record of readScanRecords(parser, source)) {
        if (record.type === "tool") context(record.name);
        else if (record.type === "metric") metrics.push(record.metric);
        else {
          batch.push(record.finding);
          if (batch.length >= BATCH) await flush();
        }
      }
      await flush();
      await writing;
      const done = context(parser.format);
      const closed = options.closeMissing ? await closeMissingFindings(done) : 0;
      if (metrics.length) {
        await tx.metric.createMany({ data: metrics.map((m) => ({ projectId, scanId: scan.id, key: m.key, value: m.value, unit: m.unit, scope: m.scope, measuredAt: done.now })) });
      }
      const durationMs = Date.now() - started;
      await tx.scan.update({
        where: { id: scan.id },
        data: { tool: done.tool, findingCount: seen.keys.size, metricCount: metrics.length, createdCount: counts.created, reopenedCount: counts.reopened, unchangedCount: counts.unchanged, closedCount: closed, durationMs },
      });
      const result: ScanSummary = {
        scanId: scan.id, tool: done.tool, format: parser.format, fileName: source.fileName, branch: options.branch ?? null,
        findings: seen.keys.size, metrics: metrics.length, ...counts, closed, durationMs,
      };
      await recordAudit(tx, actor, { action: "scan.import", targetType: "scan", targetId: scan.id, projectId, detail: { ...result, sha256: input.sha256 } });
      return result;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await noteReadinessChange(projectId);
  return summary;
}
