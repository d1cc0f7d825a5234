import { banditParser } from "@/lib/ingest/parsers/bandit";
import { cargoAuditParser } from "@/lib/ingest/parsers/cargo-audit";
import { checkovParser } from "@/lib/ingest/parsers/checkov";
import { coberturaParser } from "@/lib/ingest/parsers/cobertura";
import { cyclonedxParser } from "@/lib/ingest/parsers/cyclonedx";
import { dependencyCheckParser } from "@/lib/ingest/parsers/dependency-check";
import { eslintParser } from "@/lib/ingest/parsers/eslint";
import { gitleaksParser } from "@/lib/ingest/parsers/gitleaks";
import { gosecParser } from "@/lib/ingest/parsers/gosec";
import { grypeParser } from "@/lib/ingest/parsers/grype";
import { hadolintParser } from "@/lib/ingest/parsers/hadolint";
import { istanbulParser } from "@/lib/ingest/parsers/istanbul";
import { junitParser } from "@/lib/ingest/parsers/junit";
import { k6Parser } from "@/lib/ingest/parsers/k6";
import { kicsParser } from "@/lib/ingest/parsers/kics";
import { lcovParser } from "@/lib/ingest/parsers/lcov";
import { npmAuditParser } from "@/lib/ingest/parsers/npm-audit";
import { nucleiParser } from "@/lib/ingest/parsers/nuclei";
import { osvScannerParser } from "@/lib/ingest/parsers/osv-scanner";
import { pipAuditParser } from "@/lib/ingest/parsers/pip-audit";
import { retireJsParser } from "@/lib/ingest/parsers/retire-js";
import { sarifParser } from "@/lib/ingest/parsers/sarif";
import { semgrepParser } from "@/lib/ingest/parsers/semgrep";
import { snykParser } from "@/lib/ingest/parsers/snyk";
import { sonarqubeParser } from "@/lib/ingest/parsers/sonarqube";
import { tfsecParser } from "@/lib/ingest/parsers/tfsec";
import { trivyParser } from "@/lib/ingest/parsers/trivy";
import { yarnAuditParser } from "@/lib/ingest/parsers/yarn-audit";
import { zapParser } from "@/lib/ingest/parsers/zap";
import type { ScanParser, Sniff } from "@/lib/ingest/scan-types";

// Every format Readyboard reads, in the order detection asks them. Each detect is specific to
// its own format (scan-formats.test.ts checks every fixture is claimed by exactly its parser);
// SARIF comes first because tools of other formats also write it (Snyk Code, Trivy, gitleaks).
export const scanParsers: readonly ScanParser[] = [
  sarifParser,
  // Dependencies and containers
  trivyParser, grypeParser, npmAuditParser, yarnAuditParser, pipAuditParser, cargoAuditParser, osvScannerParser,
  snykParser, dependencyCheckParser, cyclonedxParser, retireJsParser,
  // Code, secrets, infrastructure as code, running applications
  banditParser, semgrepParser, sonarqubeParser, gosecParser, eslintParser, gitleaksParser, hadolintParser,
  tfsecParser, kicsParser, checkovParser, zapParser, nucleiParser,
  // Tests, coverage, load
  junitParser, coberturaParser, lcovParser, istanbulParser, k6Parser,
];

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
