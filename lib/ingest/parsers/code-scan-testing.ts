import { randomBytes } from "node:crypto";
import { checkovParser } from "@/lib/ingest/parsers/checkov";
import { eslintParser } from "@/lib/ingest/parsers/eslint";
import { gitleaksParser } from "@/lib/ingest/parsers/gitleaks";
import { gosecParser } from "@/lib/ingest/parsers/gosec";
import { hadolintParser } from "@/lib/ingest/parsers/hadolint";
import { kicsParser } from "@/lib/ingest/parsers/kics";
import { nucleiParser } from "@/lib/ingest/parsers/nuclei";
import { semgrepParser } from "@/lib/ingest/parsers/semgrep";
import { sonarqubeParser } from "@/lib/ingest/parsers/sonarqube";
import { tfsecParser } from "@/lib/ingest/parsers/tfsec";
import { zapParser } from "@/lib/ingest/parsers/zap";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanParser, ScanRecord } from "@/lib/ingest/scan-types";
import { sniffScan } from "@/lib/ingest/sniff";

// For the code/secret/IaC/DAST parser tests: what a parser makes of a report written in the test.

/** The family, each parser's fixtures in tests/fixtures/scans/<format>/. */
export const codeParsers = [gitleaksParser, semgrepParser, sonarqubeParser, gosecParser, eslintParser, hadolintParser, tfsecParser, kicsParser, checkovParser, zapParser, nucleiParser];

export async function parseText(parser: ScanParser, text: string, fileName = "report.json") {
  const source = scanSourceFromBytes(fileName, text);
  const records: ScanRecord[] = [];
  for await (const record of parser.parse(source)) records.push(record);
  return {
    detected: parser.detect(await sniffScan(source)),
    records,
    findings: records.flatMap((r): ScanFinding[] => (r.type === "finding" ? [r.finding] : [])),
  };
}

/** Fingerprints of the same report before and after the code moved down. */
export async function fingerprintsAcrossShift(parser: ScanParser, report: (shift: number) => string): Promise<[string[], string[]]> {
  const before = await parseText(parser, report(0));
  const after = await parseText(parser, report(14));
  return [before.findings.map((f) => f.fingerprint), after.findings.map((f) => f.fingerprint)];
}

/** How many findings have each severity, in the order of the scale. */
export function severityCounts(findings: ScanFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const severity of ["critical", "high", "medium", "low", "info"]) {
    const n = findings.filter((f) => f.severity === severity).length;
    if (n) counts[severity] = n;
  }
  return counts;
}

const secretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A credential-shaped value made up on each run (prefix, then random letters and digits, length
 * in all): redaction tests need secrets to redact, and the repository holds none.
 */
export function fakeSecret(prefix: string, length: number): string {
  return prefix + Array.from(randomBytes(length - prefix.length), (b) => secretAlphabet[b % secretAlphabet.length]).join("");
}
