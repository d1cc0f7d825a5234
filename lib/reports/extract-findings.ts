import type { Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { leadingRef, refSeverityWord } from "@/lib/reports/finding-ref";
import { headingText, sectionBody, type Block } from "@/lib/reports/markdown-tree";
import type { ReportFinding, ReportSeverity } from "@/lib/reports/schema";
import { inStrengths, inSummary, kindFromText, sectionCategory, sectionKind, sectionSeverity, sprintHeading, type Path } from "@/lib/reports/section-context";
import { findColumn, readTable, type Cell } from "@/lib/reports/table-rows";
import { categoryFromText, severityFromText } from "@/lib/reports/vocabulary";

// Findings come from three shapes: a heading per finding ("### CRIT-01: …"), a table row with
// an id or a severity column, and a "**Missing:** …" bullet under a category section.

type Location = ReportFinding["locations"][number];

const clean = (text: string) => text.replace(/\s+/g, " ").trim();
const maxTitle = 300;
function titleOf(text: string): string {
  const title = clean(text).replace(/^[*_\s]+|[*_\s]+$/g, "");
  return title.length > maxTitle ? `${title.slice(0, maxTitle - 1)}…` : title;
}

const fileLabel = /^(files?|lokasi|location|locations|path|berkas|affected files?)$/i;
const severityLabel = /^(severity|tingkat(?: keparahan)?|level|risk(?: level)?|risiko|prioritas|priority|criticality|keparahan)$/i;
const recommendationLabel =
  /^(recommendations?|rekomendasi|fix|perbaikan|solusi|solution|remediation|remediasi|tindakan(?: segera)?|mitigasi|mitigation|suggested fix|action)$/i;

/** "**File**: `x`" → { label: "File", rest: the paragraph without the label }. */
function labelled(paragraph: Paragraph): { label: string; value: string; code: string[] } | null {
  const [first] = paragraph.children;
  if (!first || first.type !== "strong") return null;
  const label = toString(first).replace(/:\s*$/, "").trim();
  const value = clean(toString({ type: "paragraph", children: paragraph.children.slice(1) } as Paragraph)).replace(/^:\s*/, "");
  return { label, value, code: codeIn(paragraph.children.slice(1)) };
}

function codeIn(nodes: PhrasingContent[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === "inlineCode") into.push(node.value.trim());
    else if ("children" in node) codeIn(node.children as PhrasingContent[], into);
  }
  return into;
}

// "src/app.ts:120", "config/app.php (line 45)" → file and line.
function toLocation(raw: string): Location | null {
  const text = raw.trim().replace(/^`|`$/g, "");
  if (!text || /\s{2,}/.test(text) || text.length > 1000) return null;
  const withLine = /^(.+?):(\d+)(?:[-:]\d+)?$/.exec(text);
  if (withLine?.[1] && !/^https?$/i.test(withLine[1])) return { file: withLine[1], line: Number(withLine[2]) || null };
  return { file: text, line: null };
}

const looksLikePath = (text: string) => /[/\\.]/.test(text) && !/\s/.test(text.trim()) && !/^https?:\/\//.test(text);

function locationsFrom(code: string[], fallback: string): Location[] {
  const candidates = code.length ? code : fallback.split(/[,;]\s*/);
  return candidates.filter(looksLikePath).map(toLocation).filter((l): l is Location => l !== null);
}

/** A paragraph of "**File**: …  ⏎ **Severity**: …" lines, split into one paragraph per line. */
function splitLines(paragraph: Paragraph): Paragraph[] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of paragraph.children) {
    if (child.type === "break") lines.push([]);
    else lines[lines.length - 1]!.push(child);
  }
  return lines.filter((l) => l.length > 0).map((children) => ({ type: "paragraph", children }));
}

/** "- **File**: …" lists are fields too: each item's paragraph stands on its own. */
function fieldNodes(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (node.type === "paragraph") return splitLines(node);
    if (node.type !== "list") return [node];
    const firsts = node.children.map((item) => item.children[0]);
    const allLabelled = firsts.every((first) => first?.type === "paragraph" && labelled(first));
    return allLabelled ? node.children.flatMap((item) => item.children as RootContent[]) : [node];
  });
}

/** Plain text that keeps list items and paragraphs on their own lines. */
function blockText(node: RootContent): string {
  if (node.type === "code") return node.value;
  if (node.type === "list") return node.children.map((item) => `- ${item.children.map((c) => blockText(c as RootContent)).join("\n  ")}`).join("\n");
  return toString(node);
}

function resolveSeverity(explicit: ReportSeverity | null, refText: string | null, path: Path, marker: ReportSeverity | null = null) {
  const fromRef = refText ? (refSeverityWord(refText) as ReportSeverity | null) : null;
  const severity = explicit ?? fromRef ?? marker ?? sectionSeverity(path);
  return severity ? { severity, severityInferred: false } : { severity: "medium" as const, severityInferred: true };
}

function fromHeading(blocks: Block[], index: number, ref: string | null, rest: string): ReportFinding {
  const { node, path } = blocks[index] as Block & { node: Heading };
  const body = sectionBody(blocks, index);
  // In the heading, a word ("HIGH") states the severity; an emoji (ℹ️ before "LOW-012") only
  // when the id does not.
  const headingWithoutRef = ref ? headingText(node).replace(ref, "") : headingText(node);
  let explicit = severityFromText(headingWithoutRef.replace(/[\p{Extended_Pictographic}\uFE0F]/gu, ""));
  const marker = severityFromText(headingWithoutRef);
  const locations: Location[] = [];
  const recommendation: string[] = [];
  const description: string[] = [];
  let collectingRecommendation = false;
  for (const child of fieldNodes(body.map((b) => b.node))) {
    const field = child.type === "paragraph" ? labelled(child) : null;
    if (field && fileLabel.test(field.label)) {
      locations.push(...locationsFrom(field.code, field.value));
      continue;
    }
    if (field && severityLabel.test(field.label)) {
      explicit = severityFromText(field.value) ?? explicit;
      continue;
    }
    if (field && recommendationLabel.test(field.label)) {
      collectingRecommendation = true;
      if (field.value) recommendation.push(field.value);
      continue;
    }
    if (field || child.type === "heading" || child.type === "thematicBreak") collectingRecommendation = false;
    const text = blockText(child).trim();
    if (!text) continue;
    (collectingRecommendation ? recommendation : description).push(text);
  }
  const heading = headingText(node);
  return {
    ref,
    title: titleOf(rest || heading),
    ...resolveSeverity(explicit, ref, path, marker),
    kind: ref?.startsWith("INC-") ? "inconsistency" : sectionKind(path),
    category: sectionCategory(path) ?? categoryFromText(rest) ?? categoryFromText(description.join(" ").slice(0, 2000)),
    locations: dedupeLocations(locations),
    description: description.join("\n\n").slice(0, 20_000),
    recommendation: recommendation.length ? recommendation.join("\n\n").slice(0, 20_000) : null,
  };
}

function dedupeLocations(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.file}:${l.line ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const idColumn = /^(#|id|no\.?|ref|kode|code|nomor|key)$/;
const titleColumn =
  /title|judul|issue|masalah|temuan|finding|inkonsisten|inconsisten|komponen|component|missing|gap|vulnerab|kerentanan|problem|deskripsi|description|risiko|risk|bug|celah|kelemahan|weakness|nama|name|item/;
const severityColumn = /severity|tingkat|level|keparahan|prioritas|priority|criticality|kritikalitas|risk level/;
const fileColumn = /file|lokasi|location|path|berkas/;
const recommendationColumn = /rekomendasi|recommendation|fix|solusi|solution|remediation|tindakan|mitigasi|mitigation|perbaikan/;
const impactColumn = /dampak|impact|alasan|reason|detail|keterangan|notes?/;
const effortColumn = /effort|estimasi|estimate|waktu|durasi|duration|time|jam|hours/;

function fromTable(table: Table, path: Path): ReportFinding[] {
  const { header, rows } = readTable(table);
  if (findColumn(header, effortColumn) >= 0) return []; // a plan, not findings
  const id = findColumn(header, idColumn);
  const severity = findColumn(header, severityColumn, [id]);
  // "Area" names the part of the system; it is the title only when nothing better is there.
  const title = [titleColumn, /\barea\b/].map((p) => findColumn(header, p, [id, severity])).find((i) => i >= 0) ?? -1;
  const withRefs = id >= 0 && rows.some((r) => leadingRef(r[id]?.text ?? ""));
  // Without ids, a table is a findings table only when most rows state a severity; a
  // "Level" column of a maturity table does not.
  const rated = severity >= 0 ? rows.filter((r) => severityFromText(r[severity]?.text ?? "")).length : 0;
  if (!withRefs && (title < 0 || rated === 0 || rated * 2 < rows.length)) return [];
  const titleAt = title >= 0 ? title : header.findIndex((_, i) => i !== id && i !== severity);
  const file = findColumn(header, fileColumn, [id, severity, titleAt]);
  const recommendation = findColumn(header, recommendationColumn, [id, severity, titleAt, file]);
  const impact = findColumn(header, impactColumn, [id, severity, titleAt, file, recommendation]);
  const tableKind = kindFromText(header.join(" "));
  const findings: ReportFinding[] = [];
  for (const row of rows) {
    const cell = (i: number): Cell => row[i] ?? { text: "", code: [] };
    const ref = id >= 0 ? (leadingRef(cell(id).text)?.ref ?? null) : null;
    const titleText = cell(titleAt).text;
    if (!titleText || (withRefs && !ref)) continue;
    const explicit = severity >= 0 ? severityFromText(cell(severity).text) : null;
    const refKind = ref && /^INC\b/.test(ref) ? "inconsistency" : null;
    const description = [titleText.length > maxTitle ? titleText : "", impact >= 0 ? cell(impact).text : ""].filter(Boolean).join("\n\n");
    findings.push({
      ref,
      title: titleOf(titleText),
      ...resolveSeverity(explicit, ref, path),
      kind: refKind ?? tableKind ?? sectionKind(path),
      category: sectionCategory(path) ?? categoryFromText(titleText),
      locations: file >= 0 ? dedupeLocations(locationsFrom(cell(file).code, cell(file).text)) : [],
      description,
      recommendation: recommendation >= 0 && cell(recommendation).text ? cell(recommendation).text : null,
    });
  }
  return findings;
}

const missingLabel = /^(missing|hilang|belum ada|tidak ada|gap)\s*:?$/i;

function fromMissingBullets(list: List, path: Path, out: ReportFinding[]) {
  for (const item of list.children as ListItem[]) {
    for (const child of item.children) {
      if (child.type === "list") fromMissingBullets(child, path, out);
      if (child.type !== "paragraph") continue;
      const field = labelled(child);
      if (!field || !missingLabel.test(field.label) || !field.value) continue;
      const isMissing = !/^gap/i.test(field.label);
      out.push({
        ref: null,
        title: titleOf(field.value),
        ...resolveSeverity(null, null, path),
        kind: isMissing ? "missing" : sectionKind(path),
        category: sectionCategory(path) ?? categoryFromText(field.value),
        locations: locationsFrom(field.code, ""),
        description: "",
        recommendation: null,
      });
    }
  }
}

const findingsSection = /temuan|finding|vulnerab|kerentanan|issue|masalah|\bgaps?\b|risiko|\brisks?\b|\bbugs?\b|weakness|kelemahan|concern|celah|problem|defect/i;
const numbered = /^(?:\d+[.)](?!\d)|#\d+\b|(?:issue|bug|temuan|finding)\s*#?\d+\s*[:.—–-])\s*/i;
const passed = /^[\s*_]*(?:✅|✔)|^(?:PASS|OK)-/u;
const decoration = /^[\s*_\p{Extended_Pictographic}\uFE0F]+|[\s*_\p{Extended_Pictographic}\uFE0F]+$/gu;

/**
 * A heading that is one finding: it starts with an id ("CRIT-01: …"), or it is numbered or
 * states a severity under a findings section ("## Critical Vulnerabilities" → "### 1. …").
 * A passed check ("✅ PASS-014") is not a finding.
 */
function findingHeading(text: string, path: Path): { ref: string | null; rest: string } | null {
  if (passed.test(text)) return null;
  const withRef = leadingRef(text);
  if (withRef) return withRef;
  const parent = path.at(-1);
  if (!parent || !(findingsSection.test(parent.text) || severityFromText(parent.text))) return null;
  if (!numbered.test(text) && !severityFromText(text)) return null;
  const rest = text.replace(numbered, "").replace(decoration, "").trim();
  return rest ? { ref: null, rest } : null;
}

const identity = (f: ReportFinding) => (f.ref ? `ref:${f.ref}` : `title:${f.title.toLowerCase()}`);

/** Every finding the report states, once each (a summary repeating one adds nothing). */
export function extractFindings(blocks: Block[]): ReportFinding[] {
  const found: ReportFinding[] = [];
  blocks.forEach((block, index) => {
    const { node, path } = block;
    if (inSummary(path) || inStrengths(path) || sprintHeading(path)) return;
    if (node.type === "heading") {
      const match = findingHeading(headingText(node), path);
      if (match) found.push(fromHeading(blocks, index, match.ref, match.rest));
    } else if (node.type === "table") {
      found.push(...fromTable(node, path));
    } else if (node.type === "list") {
      fromMissingBullets(node, path, found);
    }
  });
  const byIdentity = new Map<string, ReportFinding>();
  for (const finding of found) {
    const key = identity(finding);
    const first = byIdentity.get(key);
    if (!first) byIdentity.set(key, finding);
    else first.locations = dedupeLocations([...first.locations, ...finding.locations]);
  }
  return [...byIdentity.values()];
}
