import { banditParser } from "@/lib/ingest/parsers/bandit";
import { coberturaParser } from "@/lib/ingest/parsers/cobertura";
import { istanbulParser } from "@/lib/ingest/parsers/istanbul";
import { junitParser } from "@/lib/ingest/parsers/junit";
import { k6Parser } from "@/lib/ingest/parsers/k6";
import { lcovParser } from "@/lib/ingest/parsers/lcov";
import { sarifParser } from "@/lib/ingest/parsers/sarif";
import type { ScanParser, Sniff } from "@/lib/ingest/scan-types";

// Every format Readyboard reads, in the order detection asks them: specific shapes before
// general ones, so a SARIF file from Snyk Code is SARIF and not Snyk's own JSON.
export const scanParsers: readonly ScanParser[] = [sarifParser, banditParser, junitParser, coberturaParser, lcovParser, istanbulParser, k6Parser];

export const scanFormats = scanParsers.map((p) => p.format);

export function parserForFormat(format: string): ScanParser | undefined {
  return scanParsers.find((p) => p.format === format.trim().toLowerCase());
}

/** The parser whose detect accepts the file, or null when none does. */
export function detectParser(sniff: Sniff): ScanParser | null {
  return scanParsers.find((p) => p.detect(sniff)) ?? null;
}

/** "SARIF 2.1.0, Bandit JSON, …", for messages that list what Readyboard reads. */
export const supportedFormatNames = () => scanParsers.map((p) => p.name).join(", ");
