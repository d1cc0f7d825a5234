import { advisoryIds, categoryForKind, fingerprintOf, primaryAdvisory, severityFromScore, severityFromWord, titleText } from "@/lib/ingest/normalize";
import { numberOf, textOf } from "@/lib/ingest/parsers/json-values";
import type { ScanFinding, ScanFindingKind, ScanLocation, ScanSeverity } from "@/lib/ingest/scan-types";
import type { XmlElement } from "@/lib/ingest/xml-elements";

// Shared by the dependency and container scanners (Trivy, Grype, npm/yarn/pip/cargo audit,
// OSV-Scanner, Snyk, Dependency-Check, CycloneDX, retire.js). The same CVE in the same package
// from two of these tools must become one finding, so package names, versions, advisory ids and
// titles are built here, one way for all of them.

// ---------------------------------------------------------------------------------------------
// Reading xmlElements trees.

export const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] => element?.children.filter((c) => c.name === name) ?? [];
export const childNamed = (element: XmlElement | undefined, name: string): XmlElement | undefined => element?.children.find((c) => c.name === name);
export const childText = (element: XmlElement | undefined, name: string): string | null => textOf(childNamed(element, name)?.text);

/** The element's descendants of that name, in document order, not looking inside a match. */
export function descendantsNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const child of el.children) {
      if (child.name === name) found.push(child);
      else walk(child);
    }
  };
  if (element) walk(element);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Versions.

const versionToken = /\d+|[a-z]+/gi;

/** Words that mark a version before its release, in order: 1.0.0-alpha < 1.0.0-rc1 < 1.0.0. */
const preReleases = ["dev", "snapshot", "a", "alpha", "b", "beta", "m", "milestone", "pre", "preview", "c", "cr", "rc", "canary", "nightly", "next"];
/** Words that mean the release itself (Maven's 1.2.Final, 1.2.GA). */
const releaseWords = new Set(["final", "ga", "release", "v"]);

function tokens(version: string): (number | string)[] {
  return (version.match(versionToken) ?? []).map((t) => (/^\d/.test(t) ? Number(t) : t.toLowerCase())).filter((t) => typeof t === "number" || !releaseWords.has(t));
}

const preRank = (token: string) => preReleases.indexOf(token);

function compareTokens(p: number | string, q: number | string): number {
  if (typeof p === "number" && typeof q === "number") return p - q;
  if (typeof p === "string" && typeof q === "string") {
    const [x, y] = [preRank(p), preRank(q)];
    if (x >= 0 || y >= 0) return x >= 0 && y >= 0 ? x - y : x >= 0 ? -1 : 1;
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return typeof p === "string" ? -1 : 1;
}

/**
 * Orders versions the way most ecosystems do: numbers numerically, pre-release words (alpha,
 * rc, SNAPSHOT) before the release, other suffixes (sp1, redhat-00001, dfsg) after it, and a
 * letter part before a number at the same place. Not any one ecosystem's exact rules; enough to
 * pick the fix on the installed version's line.
 */
export function compareVersions(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i];
    const q = y[i];
    // A missing part is 0 (4.38 = 4.38.0); past that, what the longer version adds is a pre-release or a later build.
    if (p === undefined || q === undefined) {
      const extra = p ?? q!;
      if (extra === 0) continue;
      const later = typeof extra === "string" && preRank(extra) >= 0 ? -1 : 1;
      return p === undefined ? -later : later;
    }
    const order = compareTokens(p, q);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The first version that fixes it, among the tool's candidates ("11.0.14, 10.1.49, 9.0.112"):
 * the lowest one above the installed version, so 9.0.109 is told to move to 9.0.112, not 10.1.49.
 * Without an installed version, or when none is above it, the lowest candidate.
 */
export function firstFixedVersion(candidates: string[], installed: string | null): string | null {
  const versions = [...new Set(candidates.flatMap((c) => c.split(/\s*,\s*|\s+\|\|\s+|\s+/)).map((v) => v.trim()).filter(Boolean))];
  if (!versions.length) return null;
  const sorted = versions.sort(compareVersions);
  if (installed) {
    const above = sorted.find((v) => compareVersions(v, installed) > 0);
    if (above) return above;
  }
  return sorted[0]!;
}

/** ">=0.2.1 <1.0.0 || >=1.2.3" → ["0.2.1", "1.2.3"]: the versions a patched range starts at. */
export function patchedRangeStarts(range: string | null): string[] {
  return [...(range ?? "").matchAll(/>=\s*v?([0-9][^\s,|<>=]*)/g)].map((m) => m[1]!);
}

/** "<0.2.1 || >=1.0.0 <1.2.3" → ["0.2.1", "1.2.3"]: the versions a vulnerable range ends before. */
export function vulnerableRangeEnds(range: string | null): string[] {
  return [...(range ?? "").matchAll(/<(?!=)\s*v?([0-9][^\s,|<>=]*)/g)].map((m) => m[1]!);
}

// ---------------------------------------------------------------------------------------------
// Package names.

export type Purl = { type: string; namespace: string | null; name: string; version: string | null };

const purlPattern = /^pkg:([a-z0-9.+-]+)\/([^?#]+?)(?:@([^?#]*))?(?:[?#].*)?$/i;

function decodePurlPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** "pkg:maven/org.apache.avro/avro@1.11.1" → {type: "maven", namespace: "org.apache.avro", name: "avro", version: "1.11.1"}. */
export function parsePurl(value: string | null): Purl | null {
  const match = purlPattern.exec(value?.trim() ?? "");
  if (!match) return null;
  const segments = match[2]!.split("/").filter(Boolean).map(decodePurlPart);
  const name = segments.pop();
  if (!name) return null;
  return { type: match[1]!.toLowerCase(), namespace: segments.length ? segments.join("/") : null, name, version: match[3] ? decodePurlPart(match[3]) : null };
}

/** PEP 503: PyPI treats "Django", "django" and "zope_interface"/"zope.interface" as one name. */
const pypiName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/**
 * A package's name as its ecosystem writes it, the one form every tool here is mapped to:
 * Maven "group:artifact", npm "@scope/name", Go and Composer the full path, PyPI normalized,
 * others (deb, rpm, apk, cargo, gem, nuget) as given.
 */
export function ecosystemPackageName(ecosystem: string | null, name: string, namespace: string | null = null): string {
  const kind = (ecosystem ?? "").toLowerCase();
  if (kind === "maven" && namespace && !name.includes(":")) return `${namespace}:${name}`;
  if (kind === "pypi") return pypiName(name);
  if ((kind === "npm" || kind === "golang" || kind === "composer" || kind === "swift") && namespace) return `${namespace}/${name}`;
  return name;
}

export function packageFromPurl(purl: Purl): { name: string; version: string | null } {
  return { name: ecosystemPackageName(purl.type, purl.name, purl.namespace), version: purl.version };
}

// ---------------------------------------------------------------------------------------------
// CVSS vectors, for tools that give a vector and no score (cargo audit, OSV).

type Weights = Record<string, Record<string, number>>;

const cvss3: Weights = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
};
const privileges = { U: { N: 0.85, L: 0.62, H: 0.27 }, C: { N: 0.85, L: 0.68, H: 0.5 } } as Record<string, Record<string, number>>;

const cvss2: Weights = {
  AV: { L: 0.395, A: 0.646, N: 1 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  C: { N: 0, P: 0.275, C: 0.66 },
  I: { N: 0, P: 0.275, C: 0.66 },
  A: { N: 0, P: 0.275, C: 0.66 },
};

function metrics(vector: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of vector.split("/")) {
    const [key, value] = part.split(":");
    if (key && value) out.set(key.trim(), value.trim());
  }
  return out;
}

/** CVSS v3.1's "round up to one decimal", done on integers as the specification asks. */
function roundUp(value: number): number {
  const scaled = Math.round(value * 100000);
  return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10;
}

function weight(table: Weights, m: Map<string, string>, key: string): number | null {
  return table[key]?.[m.get(key) ?? ""] ?? null;
}

function cvss3Score(m: Map<string, string>): number | null {
  const scope = m.get("S");
  const [av, ac, ui, c, i, a] = ["AV", "AC", "UI", "C", "I", "A"].map((k) => weight(cvss3, m, k));
  const pr = privileges[scope ?? ""]?.[m.get("PR") ?? ""];
  if (av == null || ac == null || ui == null || c == null || i == null || a == null || pr == null) return null;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = scope === "U" ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15;
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  return roundUp(Math.min((scope === "U" ? 1 : 1.08) * (impact + exploitability), 10));
}

function cvss2Score(m: Map<string, string>): number | null {
  const [av, ac, au, c, i, a] = ["AV", "AC", "Au", "C", "I", "A"].map((k) => weight(cvss2, m, k));
  if (av == null || ac == null || au == null || c == null || i == null || a == null) return null;
  const impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
  const exploitability = 20 * av * ac * au;
  return Math.round((0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176) * 10) / 10;
}

/**
 * CVSS 4.0 scores come from a table of 270 expert-rated metric classes, not a formula; without
 * that table this scores the vector's v3.1 counterpart (vulnerable-system impacts as C/I/A,
 * a high subsequent-system impact as a changed scope, attack requirements left out). That lands in
 * the same band as the real score for typical vectors; a CVSS library would make it exact.
 */
function cvss4Approximation(m: Map<string, string>): number | null {
  const ui = m.get("UI");
  const subsequentHigh = ["SC", "SI", "SA"].some((k) => m.get(k) === "H");
  const v3 = new Map<string, string>([
    ["AV", m.get("AV") ?? ""],
    ["AC", m.get("AC") ?? ""],
    ["PR", m.get("PR") ?? ""],
    ["UI", ui === "N" ? "N" : ui ? "R" : ""],
    ["S", subsequentHigh ? "C" : "U"],
    ["C", m.get("VC") ?? ""],
    ["I", m.get("VI") ?? ""],
    ["A", m.get("VA") ?? ""],
  ]);
  return cvss3Score(v3);
}

/** The base score of a CVSS v2, v3.x or v4.0 vector ("CVSS:3.1/AV:N/…", or v2/v3 without the prefix); null when it is not one. */
export function cvssVectorScore(vector: string | null): number | null {
  const value = vector?.trim();
  if (!value) return null;
  const m = metrics(value.replace(/^\(|\)$/g, ""));
  const version = /^CVSS:(\d)/i.exec(value)?.[1];
  if (version === "4") return cvss4Approximation(m);
  if (version === "3" || m.has("S") || m.has("PR")) return cvss3Score(m);
  return cvss2Score(m);
}

// ---------------------------------------------------------------------------------------------
// Severity.

const severityRank: Record<ScanSeverity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export const moreSevere = (a: ScanSeverity, b: ScanSeverity): ScanSeverity => (severityRank[a] >= severityRank[b] ? a : b);

/**
 * A tool's severity word, where "unknown" (Trivy's UNKNOWN, Grype's Unknown) means "not rated
 * yet", not "harmless": it gives null so the caller falls back to a score or to medium, where
 * the shared severityFromWord would say info.
 */
export function vulnerabilitySeverityWord(word: unknown): ScanSeverity | null {
  const value = textOf(word);
  if (!value || /^(unknown|unspecified|not[ _-]?rated|n\/?a)$/i.test(value)) return null;
  return severityFromWord(value);
}

/** A severity from a score or a CVSS vector, whichever is given. */
export function severityFromScoreOrVector(score: unknown, vector?: unknown): ScanSeverity | null {
  return severityFromScore(numberOf(score)) ?? severityFromScore(cvssVectorScore(textOf(vector)));
}

// ---------------------------------------------------------------------------------------------
// Advisory ids.

/**
 * Every advisory id of one vulnerability, the primary one first (the first CVE, else the
 * tool's own id), then the other CVEs, then the rest. `own` are the tool's ids as given
 * (kept even when they are not a known scheme: SNYK-JS-…, TEMP-…, an OSS Index UUID);
 * `related` are texts (URLs, alias lists) searched for known ids.
 */
export function advisoryList(own: (string | null | undefined)[], ...related: (string | null | undefined)[]): string[] {
  const ids: string[] = [];
  for (const raw of own) {
    const id = raw?.trim();
    if (!id) continue;
    const known = advisoryIds(id);
    ids.push(known.length === 1 && known[0]!.length === id.length ? known[0]! : id);
  }
  ids.push(...advisoryIds(...related));
  const unique = [...new Set(ids)];
  const primary = primaryAdvisory(unique);
  if (!primary) return [];
  const rest = unique.filter((id) => id !== primary);
  return [primary, ...rest.filter((id) => id.startsWith("CVE-")), ...rest.filter((id) => !id.startsWith("CVE-"))];
}

/** Whether an id is an advisory the import can file findings under (not a bare number or a CWE). */
const isAdvisoryId = (id: string) => !/^\d+$/.test(id) && !/^CWE-\d+/i.test(id);

// ---------------------------------------------------------------------------------------------
// Locations.

export const slashes = (file: string) => file.replace(/\\+/g, "/");

export function uniqueLocations(files: (string | null | undefined)[]): ScanLocation[] {
  const seen = new Set<string>();
  const out: ScanLocation[] = [];
  for (const raw of files) {
    const file = raw ? slashes(raw.trim()) : "";
    if (!file || seen.has(file)) continue;
    seen.add(file);
    out.push({ file, line: null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The finding.

export type DependencyFindingInput = {
  tool: string;
  /** From advisoryList: the primary id first. */
  ids: string[];
  /** The tool's id for the advisory; the primary id when omitted. */
  ruleId?: string | null;
  /** The tool's short title ("Remote code injection in Log4j"). */
  summary?: string | null;
  description: string;
  severity: ScanSeverity;
  packageName: string | null;
  installedVersion: string | null;
  fixedVersion: string | null;
  locations?: ScanLocation[];
  cwes?: (string | null)[];
  references?: (string | null | undefined)[];
  recommendation?: string | null;
  /** A stable manifest or target the package was found in, for the fingerprint. */
  target?: string | null;
  kind?: ScanFindingKind;
  category?: string;
};

/** The key that makes one finding of a vulnerability in one installed package. */
export function dependencyKey(ids: string[], ruleId: string | null, packageName: string | null, installedVersion: string | null): string {
  const advisory = ids.find(isAdvisoryId) ?? ruleId ?? ids[0] ?? "";
  return [advisory, packageName ?? "", installedVersion ?? ""].join("\u0000");
}

function upgradeAdvice(packageName: string | null, fixedVersion: string | null): string | null {
  return fixedVersion ? `Upgrade ${packageName ?? "the package"} to ${fixedVersion} or later.` : null;
}

/** "CVE-2021-44228 in log4j-core 2.14.1: Remote code injection in Log4j". */
function dependencyTitle(advisory: string | null, packageName: string | null, installedVersion: string | null, summary: string | null | undefined): string {
  const where = [packageName, installedVersion].filter(Boolean).join(" ");
  const head = advisory && where ? `${advisory} in ${where}` : advisory || where || "Vulnerable dependency";
  const tail = summary?.trim();
  return titleText(tail && tail !== advisory ? `${head}: ${tail}` : head);
}

export function dependencyFinding(input: DependencyFindingInput): ScanFinding {
  const advisories = input.ids.filter(isAdvisoryId);
  const cve = primaryAdvisory(advisories);
  const ruleId = input.ruleId ?? input.ids[0] ?? null;
  const kind = input.kind ?? "vulnerability";
  const references = [...new Set((input.references ?? []).flatMap((r) => textOf(r) ?? []))];
  return {
    tool: input.tool,
    ruleId,
    title: dependencyTitle(cve ?? ruleId, input.packageName, input.installedVersion, input.summary),
    description: input.description.trim(),
    severity: input.severity,
    kind,
    category: input.category ?? categoryForKind(kind),
    locations: input.locations ?? [],
    cwe: input.cwes?.find((c): c is string => Boolean(c)) ?? null,
    cve,
    aliases: advisories.length ? [cve!, ...advisories.filter((id) => id !== cve)] : [],
    packageName: input.packageName,
    installedVersion: input.installedVersion,
    fixedVersion: input.fixedVersion,
    recommendation: input.recommendation !== undefined ? input.recommendation : upgradeAdvice(input.packageName, input.fixedVersion),
    references,
    fingerprint: fingerprintOf(input.tool, ruleId, input.packageName, input.installedVersion, input.target ?? null),
  };
}

/** A Markdown list of at most `max` items, "and N more" after them: Snyk can list one vulnerability under thousands of paths. */
export function bulletList(heading: string, items: string[], max = 20): string | null {
  const unique = [...new Set(items)];
  if (!unique.length) return null;
  const shown = unique.slice(0, max).map((i) => `- ${i}`);
  if (unique.length > max) shown.push(`- and ${unique.length - max} more`);
  return `${heading}\n${shown.join("\n")}`;
}

