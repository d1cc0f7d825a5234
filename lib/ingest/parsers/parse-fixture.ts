import path from "node:path";
import { sniffScan } from "@/lib/ingest/sniff";
import { scanSourceFromPath } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanMetric, ScanParser, ScanRecord } from "@/lib/ingest/scan-types";

// For parser tests: reads a fixture from tests/fixtures/scans/ with a parser and gathers what it
// yields, after checking that the parser recognises the file by its content.

export const fixturePath = (name: string) => path.join("tests/fixtures/scans", name);

export async function parseFixture(parser: ScanParser, name: string) {
  const source = await scanSourceFromPath(fixturePath(name));
  const records: ScanRecord[] = [];
  for await (const record of parser.parse(source)) records.push(record);
  return {
    detected: parser.detect(await sniffScan(source)),
    tools: records.flatMap((r) => (r.type === "tool" ? [r.name] : [])),
    findings: records.flatMap((r): ScanFinding[] => (r.type === "finding" ? [r.finding] : [])),
    metrics: records.flatMap((r): ScanMetric[] => (r.type === "metric" ? [r.metric] : [])),
  };
}
