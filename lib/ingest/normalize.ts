import { createHash } from "node:crypto";
import type { ScanFindingKind, ScanSeverity } from "@/lib/ingest/scan-types";

// Shared by the parsers: severity scales, advisory ids, fingerprints and categories, so every
// tool's words end up on one scale.

/** CVSS v3/v4 bands (also SARIF's security-severity): 9.0+ critical, 7.0+ high, 4.0+ medium, 0.1+ low, 0 info. */
export function severityFromScore(score: number | string | null | undefined): ScanSeverity | null {
  const value = typeof score === "string" ? Number.parseFloat(score) : score;
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0 || value > 10) return null;
  if (value >= 9) return "critical";
  if (value >= 7) return "high";
  if (value >= 4) return "medium";
  if (value > 0) return "low";
  return "info";
}

const severityWords: [RegExp, ScanSeverity][] = [
  [/^(critical|crit|blocker|very[ _-]?high|emergency|fatal)$/i, "critical"],
  [/^(high|error|major|severe|important|danger)$/i, "high"],
  [/^(medium|moderate|med|warning|warn|minor|mid)$/i, "medium"],
  [/^(low|note|trivial|style|negligible)$/i, "low"],
  [/^(info|informational|information|none|unknown|debug|hint|suggestion|ok|pass|unspecified)$/i, "info"],
];

/** A tool's severity word on the common scale, or null when the word is not one of them. */
export function severityFromWord(word: string | null | undefined): ScanSeverity | null {
  const text = word?.trim();
  if (!text) return null;
  for (const [pattern, severity] of severityWords) if (pattern.test(text)) return severity;
  return null;
}

/** "79", "CWE-79", "cwe_79", 79 → "CWE-79"; anything else → null. */
export function normalizeCwe(value: unknown): string | null {
  const match = /^(?:cwe[-_: ]?)?(\d{1,5})$/i.exec(String(value ?? "").trim());
  return match ? `CWE-${Number(match[1])}` : null;
}

/** All CWE ids in a text ("CWE-79: Cross-site…", "external/cwe/cwe-89"). */
export function cwesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\bcwe[-_/]?(\d{1,5})\b/gi)].map((m) => `CWE-${Number(m[1])}`))];
}

const advisoryPattern = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|RUSTSEC-\d{4}-\d{4}|PYSEC-\d{4}-\d+|OSV-\d{4}-\d+|GO-\d{4}-\d+)\b/gi;

/** Advisory ids in any order of appearance, upper-cased CVE/RUSTSEC, GHSA kept as written but lower-case letters. */
export function advisoryIds(...texts: (string | null | undefined)[]): string[] {
  const ids = new Set<string>();
  for (const text of texts) {
    for (const [id] of (text ?? "").matchAll(advisoryPattern)) ids.add(/^GHSA/i.test(id) ? `GHSA${id.slice(4).toLowerCase()}` : id.toUpperCase());
  }
  return [...ids];
}

/** The id a finding is filed under: the first CVE, else the first other advisory id. */
export function primaryAdvisory(ids: string[]): string | null {
  return ids.find((id) => id.startsWith("CVE-")) ?? ids[0] ?? null;
}

/** Code or message text with what changes between runs taken out: whitespace, line numbers, hex ids. */
export function normalizeForFingerprint(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(?:line|ln|col|column)\s*\d+\b/g, "")
    .replace(/:\d+(?::\d+)?\b/g, "")
    .replace(/\b0x[0-9a-f]+\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A stable fingerprint: sha256 of the parts, hex, 40 characters. For the tool's own id pass
 * (tool, "id", theId); otherwise tool, rule, file and the normalized code or message, never the
 * line, so the finding keeps its identity when code above it moves.
 */
export function fingerprintOf(...parts: (string | number | null | undefined)[]): string {
  return createHash("sha256")
    .update(parts.map((p) => String(p ?? "")).join("\u0000"))
    .digest("hex")
    .slice(0, 40);
}

/** The default category for a kind of finding, when the tool says nothing more specific. */
export function categoryForKind(kind: ScanFindingKind): string {
  if (kind === "misconfiguration") return "configuration";
  if (kind === "quality") return "implementation";
  return "security";
}

/** First non-empty string among the values, trimmed; null when none. */
export function firstText(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === "string" && value.trim()) return value.trim();
  return null;
}

/** A title of at most 300 characters on one line. */
export function titleText(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** A description's paragraphs joined by blank lines, the empty ones left out. */
export const paragraphs = (...parts: (string | null | undefined | false)[]) => parts.filter((p): p is string => typeof p === "string" && p.trim() !== "").join("\n\n");
