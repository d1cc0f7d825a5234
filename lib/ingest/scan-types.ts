// What every scan parser turns a tool's file into. Parsers are pure: a ScanSource in, records
// out, no database, no clock. The import decides what the records mean for a project.

export const scanSeverities = ["critical", "high", "medium", "low", "info"] as const;
export type ScanSeverity = (typeof scanSeverities)[number];

export const scanFindingKinds = ["vulnerability", "secret", "misconfiguration", "quality"] as const;
export type ScanFindingKind = (typeof scanFindingKinds)[number];

export type ScanLocation = { file: string; line: number | null };

export type ScanFinding = {
  /** The tool that reported it, lower case: "bandit", "trivy", "codeql" (a SARIF driver's name). */
  tool: string;
  /** The tool's rule or check id ("B105", "CVE-2021-44228" for dependency scanners, "DL3008"). */
  ruleId: string | null;
  title: string;
  description: string;
  severity: ScanSeverity;
  kind: ScanFindingKind;
  /** A key of the default categories (lib/projects/default-categories.ts). */
  category: string;
  locations: ScanLocation[];
  /** "CWE-79"; the first one when the tool gives several. */
  cwe: string | null;
  /** The primary CVE (or GHSA, OSV, RUSTSEC… id when there is no CVE). */
  cve: string | null;
  /** Every advisory id the tool gives (CVE, GHSA, …), the primary one first. */
  aliases: string[];
  packageName: string | null;
  installedVersion: string | null;
  fixedVersion: string | null;
  recommendation: string | null;
  references: string[];
  /** Stable across scans: the tool's own id where it has one, else fingerprintOf(…). */
  fingerprint: string;
};

export type ScanMetric = {
  /** One of metricKeys (lib/ingest/metric-keys.ts). */
  key: string;
  value: number;
  unit: string | null;
  /** A narrower scope: a test suite, a k6 threshold. Null for the whole run. */
  scope: string | null;
};

export type ScanRecord =
  | { type: "tool"; name: string; version: string | null }
  | { type: "finding"; finding: ScanFinding }
  | { type: "metric"; metric: ScanMetric };

/** A scan file that can be read more than once (parsers that stream may read it twice). */
export type ScanSource = {
  fileName: string;
  size: number;
  /** A fresh stream of the file's bytes, from the start, each time it is called. */
  open(): AsyncIterable<Uint8Array>;
};

/** What the first bytes of a file say about it, for telling formats apart by content. */
export type Sniff = {
  fileName: string;
  /** "json" (one document), "jsonl" (one JSON object a line), "xml", or "text". */
  syntax: "json" | "jsonl" | "xml" | "text";
  /** JSON: "object" or "array" at the root. */
  root: "object" | "array" | null;
  /**
   * JSON: every key path seen in the head, dot-joined, array indices as "*": "runs",
   * "runs.*.tool", "Results.*.Vulnerabilities". For an array root the paths start with "*".
   * For jsonl, the paths of the first line's object.
   */
  keys: ReadonlySet<string>;
  /** XML: the root element's local name and attributes (xmlns included). */
  xmlRoot: { name: string; attributes: Record<string, string> } | null;
  /** The head as text (up to 256 KB), for formats told apart by their words (lcov). */
  head: string;
  /** JSON whose head is not well-formed: where it breaks ("Line 3, column 5: …"); keys hold what came before. */
  error: string | null;
};

export type ScanParser = {
  /** The id used for --format and the form field: "sarif", "trivy", "junit". */
  format: string;
  /** What people call it: "SARIF 2.1.0", "Trivy JSON". */
  name: string;
  produces: "findings" | "metrics";
  /** True when the file is this format. Checked in the registry's order; be specific. */
  detect(sniff: Sniff): boolean;
  parse(source: ScanSource): AsyncIterable<ScanRecord>;
};
