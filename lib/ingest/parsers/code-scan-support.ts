import { ANY, jsonItems, type JsonItem, type PathPattern } from "@/lib/ingest/json-items";
import { textOf } from "@/lib/ingest/parsers/json-values";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanLocation, ScanSource } from "@/lib/ingest/scan-types";

// What the code, secret, IaC and DAST parsers (gitleaks … nuclei) share: text lists and lines
// from untrusted JSON, the first bytes of a file, locations, and findings with the fields a
// tool does not fill left empty.

/** Strings from a list, one string, or a comma-separated string ("key, Github"). */
export function textList(value: unknown, separator?: string): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const text = textOf(item);
    if (!text) continue;
    for (const part of separator ? text.split(separator) : [text]) if (part.trim()) out.push(part.trim());
  }
  return out;
}

const leadingNumber = /^\s*(\d+)/;

/** A 1-based line from 12, "12" or a range "12-14" (its start); null when there is none. */
export function lineOf(value: unknown): number | null {
  const line = typeof value === "number" ? value : typeof value === "string" ? Number(leadingNumber.exec(value)?.[1]) : Number.NaN;
  return Number.isInteger(line) && line > 0 ? line : null;
}

const backslashes = /\\/g;
export const forwardSlashes = (file: string) => file.replace(backslashes, "/");

/** Locations in first-seen order, each file and line once; entries without a file dropped. */
export function uniqueLocations(locations: Iterable<{ file: string | null; line: number | null }>): ScanLocation[] {
  const seen = new Set<string>();
  const out: ScanLocation[] = [];
  for (const { file, line } of locations) {
    if (!file) continue;
    const path = forwardSlashes(file);
    const key = `${line ?? ""}\u0000${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ file: path, line });
  }
  return out;
}

const urlPattern = /\bhttps?:\/\/[^\s<>"'\]]+/g;
// ZAP's XML strips the <p> between references, leaving "http://a/http://b".
const nextUrl = /(?=https?:\/\/)/;
const trailingPunctuation = /[.,;:]+$/;

const count = (text: string, char: string) => text.split(char).length - 1;

/** A URL without the sentence or bracket around it: "(see https://x/a_(b))." keeps "_(b)". */
function trimUrl(url: string): string {
  let trimmed = url.replace(trailingPunctuation, "");
  while (trimmed.endsWith(")") && count(trimmed, "(") < count(trimmed, ")")) trimmed = trimmed.slice(0, -1).replace(trailingPunctuation, "");
  return trimmed;
}

/** Every http(s) address in a text ("See https://… for more information."). */
export function urlsIn(...texts: (string | null | undefined)[]): string[] {
  const urls = new Set<string>();
  for (const text of texts) {
    for (const [match] of (text ?? "").matchAll(urlPattern)) for (const url of match.split(nextUrl)) if (url) urls.add(trimUrl(url));
  }
  return [...urls];
}

const sentenceEnd = /^([\s\S]+?[.!?])(?=\s|$)/;

/** A message's first sentence, for a title: tools put the explanation after it. */
export const firstSentence = (text: string) => sentenceEnd.exec(text.trim())?.[1] ?? text;

const htmlBreaks = /<\s*(?:br\s*\/?|\/p|\/li|\/h\d)\s*>/gi;
const htmlTags = /<[^>]*>/g;
const htmlEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };
const htmlEntity = /&(amp|lt|gt|quot|apos|nbsp|#39);/g;
const spaceBeforeBreak = /[ \t]+\n/g;
const manyBreaks = /\n{3,}/g;

/** Plain text from the small HTML fragments tools put in descriptions (ZAP's <p>…</p>). */
export function plainText(html: string | null): string | null {
  if (!html) return null;
  const text = html
    .replace(htmlBreaks, "\n")
    .replace(htmlTags, "")
    .replace(htmlEntity, (_, name: string) => htmlEntities[name] ?? "")
    .replace(spaceBeforeBreak, "\n")
    .replace(manyBreaks, "\n\n")
    .trim();
  return text || null;
}

export const lineBreak = /\r?\n/;

/** The first bytes of a file as text, for a prolog or root attribute read before streaming. */
export async function headText(source: ScanSource, bytes = 4096): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source.open()) {
    parts.push(chunk.subarray(0, bytes - size));
    size += Math.min(chunk.byteLength, bytes - size);
    if (size >= bytes) break;
  }
  const decoder = new TextDecoder("utf-8");
  return parts.map((p) => decoder.decode(p, { stream: true })).join("");
}

const HEAD_BYTES = 1024 * 1024;

/**
 * Small values (a tool version) read from the first megabyte only, so a report's header costs
 * nothing however large the report; a value written after that is not found.
 */
async function headValues(source: ScanSource, patterns: readonly PathPattern[]): Promise<JsonItem[]> {
  async function* head() {
    let size = 0;
    for await (const chunk of source.open()) {
      yield chunk.subarray(0, HEAD_BYTES - size);
      size += chunk.byteLength;
      if (size >= HEAD_BYTES) return;
    }
  }
  const items: JsonItem[] = [];
  for await (const item of jsonItems(head(), patterns, { partial: true })) items.push(item);
  return items;
}

/** The first string or number found at one of the paths in the file's head. */
export async function headString(source: ScanSource, ...patterns: PathPattern[]): Promise<string | null> {
  for (const item of await headValues(source, patterns)) {
    const text = textOf(item.value);
    if (text) return text;
  }
  return null;
}

/**
 * jsonItems where every ANY in the patterns stands for an array index: an object where the
 * format has a list (`"results": {"a": …}`) is a shape error, not a source of odd findings.
 */
export async function* listItems(source: ScanSource, patterns: readonly PathPattern[]): AsyncGenerator<JsonItem> {
  for await (const item of jsonItems(source.open(), patterns)) {
    const pattern = patterns[item.pattern]!;
    pattern.forEach((segment, i) => {
      if (segment === ANY && typeof item.path[i] !== "number") throw new ScanShapeError("expected a list here, found an object", item.path.slice(0, i).join("."));
    });
    yield item;
  }
}

/** An array-rooted document's items; null is an empty report, anything else a shape error. */
export async function* rootListItems(source: ScanSource, what: string): AsyncGenerator<JsonItem> {
  const start = await jsonStart(source);
  if (start === "[") return yield* listItems(source, [[ANY]]);
  if (start !== "{") {
    // Read through, building nothing, so that `nul` or `x` gets its syntax error with a position.
    for await (const item of jsonItems(source.open(), [])) void item;
    if (start === "n") return;
  }
  throw new ScanShapeError(`expected a list of ${what}`, "");
}

type FindingCore = Pick<ScanFinding, "tool" | "ruleId" | "title" | "description" | "severity" | "kind" | "category" | "fingerprint">;

/** A finding with what the tool does not say left empty. */
export function finding(core: FindingCore, more: Partial<Omit<ScanFinding, keyof FindingCore>> = {}): ScanFinding {
  // Field by field: in Node 20 a spread followed by nine more properties costs ~20 µs, which 100,000 results feel.
  return {
    tool: core.tool,
    ruleId: core.ruleId,
    title: core.title,
    description: core.description,
    severity: core.severity,
    kind: core.kind,
    category: core.category,
    fingerprint: core.fingerprint,
    locations: more.locations ?? [],
    cwe: more.cwe ?? null,
    cve: more.cve ?? null,
    aliases: more.aliases ?? [],
    packageName: more.packageName ?? null,
    installedVersion: more.installedVersion ?? null,
    fixedVersion: more.fixedVersion ?? null,
    recommendation: more.recommendation ?? null,
    references: more.references ?? [],
  };
}
