import { chooseParser, readScanRecords } from "@/lib/ingest/choose-parser";
import type { ScanFinding, ScanMetric, ScanSource } from "@/lib/ingest/scan-types";

export type ParsedScan = { kind: "scan"; format: string; tool: string; findings: ScanFinding[]; metrics: ScanMetric[] };

/** A whole scan file in memory as the normalized result `readyboard parse --json` prints. */
export async function parseScan(source: ScanSource, format?: string): Promise<ParsedScan> {
  const parser = await chooseParser(source, format);
  const findings: ScanFinding[] = [];
  const metrics: ScanMetric[] = [];
  let tool: string | null = null;
  for await (const record of readScanRecords(parser, source)) {
    if (record.type === "tool") tool ??= record.name;
    else if (record.type === "finding") findings.push(record.finding);
    else metrics.push(record.metric);
  }
  return { kind: "scan", format: parser.format, tool: tool ?? findings[0]?.tool ?? parser.format, findings, metrics };
}
