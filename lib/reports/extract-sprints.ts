import type { List, ListItem, PhrasingContent, RootContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { refsIn } from "@/lib/reports/finding-ref";
import { headingText, sectionBody, type Block } from "@/lib/reports/markdown-tree";
import { parseEffort } from "@/lib/reports/parse-effort";
import type { ParsedRoadmapItem, ParsedSprint } from "@/lib/reports/schema";
import { inSummary, isSprintHeading, sprintHeading } from "@/lib/reports/section-context";
import { findColumn, readTable } from "@/lib/reports/table-rows";

// Sprints: each outermost sprint/phase/week/"Next actions" section, with its checklist items,
// else the rows of its plan table, else its list items. Checklists elsewhere become a group
// named after their section, so no ticked-off work is lost.

const clean = (text: string) => text.replace(/\s+/g, " ").trim();
const doneMark = /\[(?:done|selesai|completed?|x)\b[^\]]*\]|✅|✔️?|☑️?/gi;
const hasDoneMark = new RegExp(doneMark.source, "i");
const timeWords = /minggu|week|hari|day|bulan|month|jam|hour|session|sesi|sprint|quarter|kuartal|q[1-4]|<|>|~|\d/i;

/** "6.1 Phase 1: Security (Weeks 1-4) 🚨" → name "Phase 1: Security", window "Weeks 1-4". */
export function sprintName(heading: string): { name: string; window: string | null } {
  let text = heading
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[A-Z][.)])\s+/, "")
    .replace(/[\p{Extended_Pictographic}\uFE0F]/gu, "")
    .trim();
  let window: string | null = null;
  text = text.replace(/\s*\(([^()]*)\)\s*/g, (whole, inner: string) => {
    if (window === null && timeWords.test(inner)) {
      window = clean(inner);
      return " ";
    }
    return whole;
  });
  return { name: clean(text).replace(/[\s:—–-]+$/, "").slice(0, 200) || clean(heading).slice(0, 200), window };
}

function codePaths(nodes: PhrasingContent[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === "inlineCode" && /[/.]/.test(node.value) && !/\s/.test(node.value.trim())) into.push(node.value.trim());
    else if ("children" in node) codePaths(node.children as PhrasingContent[], into);
  }
  return into;
}

function effortIn(text: string) {
  for (const match of text.matchAll(/\(([^()]+)\)|(?:effort|estimasi|estimate|waktu)\s*[:=]\s*([^,;|]+)/gi)) {
    const effort = parseEffort((match[1] ?? match[2] ?? "").trim());
    if (effort) return effort;
  }
  return null;
}

function itemFrom(text: string, checked: boolean | null | undefined, files: string[]): ParsedRoadmapItem | null {
  const done = checked === true || hasDoneMark.test(text);
  const title = clean(text.replace(doneMark, "").replace(/\*\*/g, "")).replace(/[\s—–:-]+$/, "");
  if (!title) return null;
  return { title: title.slice(0, 500), status: done ? "done" : "todo", effort: effortIn(title), refs: refsIn(title), files: [...new Set(files)].slice(0, 50) };
}

function listItemText(item: ListItem) {
  const paragraph = item.children.find((c) => c.type === "paragraph");
  return paragraph && paragraph.type === "paragraph" ? { text: toString(paragraph), files: codePaths(paragraph.children) } : null;
}

function checklistItems(nodes: RootContent[], into: ParsedRoadmapItem[] = []): ParsedRoadmapItem[] {
  for (const node of nodes) {
    if (node.type !== "list") continue;
    for (const item of node.children) {
      const content = listItemText(item);
      if (typeof item.checked === "boolean" && content) {
        const parsed = itemFrom(content.text, item.checked, content.files);
        if (parsed) into.push(parsed);
      }
      checklistItems(item.children as RootContent[], into);
    }
  }
  return into;
}

const numberColumn = /^(#|no\.?|nomor)$/;
const actionColumn = /action|aksi|tindakan|task|tugas|item|pekerjaan|kegiatan|deliverable|langkah|step|perbaikan|activity|aktivitas|fix|what/;
const effortColumn = /effort|estimasi|estimate|waktu|durasi|duration|time/;
const fileColumn = /file|lokasi|location|path|berkas/;
const statusColumn = /status/;

function tableItems(table: Table): ParsedRoadmapItem[] {
  const { header, rows } = readTable(table);
  const number = findColumn(header, numberColumn);
  const effort = findColumn(header, effortColumn, [number]);
  let action = findColumn(header, actionColumn, [number, effort]);
  if (action < 0 && effort < 0) return [];
  if (action < 0) action = header.findIndex((_, i) => i !== number && i !== effort);
  const file = findColumn(header, fileColumn, [number, effort, action]);
  const status = findColumn(header, statusColumn, [number, effort, action, file]);
  const items: ParsedRoadmapItem[] = [];
  for (const row of rows) {
    const text = row[action]?.text ?? "";
    const statusText = status >= 0 ? (row[status]?.text ?? "") : "";
    const item = itemFrom(`${text}${/✅|done|selesai/i.test(statusText) ? " [DONE]" : ""}`, null, file >= 0 ? (row[file]?.code ?? []) : []);
    if (!item) continue;
    const effortText = effort >= 0 ? (row[effort]?.text ?? "") : "";
    item.effort = (effortText && parseEffort(effortText)) || item.effort;
    item.refs = refsIn(row.map((c) => c.text).join(" "));
    items.push(item);
  }
  return items;
}

function plainListItems(nodes: RootContent[]): ParsedRoadmapItem[] {
  const items: ParsedRoadmapItem[] = [];
  for (const node of nodes) {
    if (node.type !== "list") continue;
    for (const item of (node as List).children) {
      const content = listItemText(item);
      const parsed = content && itemFrom(content.text, null, content.files);
      if (parsed) items.push(parsed);
    }
  }
  return items;
}

function sprintItems(body: Block[]): ParsedRoadmapItem[] {
  const nodes = body.filter((b) => !inSummary(b.path)).map((b) => b.node);
  const checklist = checklistItems(nodes);
  if (checklist.length) return checklist;
  const fromTables = nodes.flatMap((n) => (n.type === "table" ? tableItems(n) : []));
  if (fromTables.length) return fromTables;
  return plainListItems(nodes);
}

export function extractSprints(blocks: Block[]): ParsedSprint[] {
  const sprints: ParsedSprint[] = [];
  const claimed = new Set<number>();
  blocks.forEach((block, index) => {
    if (block.node.type !== "heading" || inSummary(block.path) || sprintHeading(block.path)) return;
    const text = headingText(block.node);
    if (!isSprintHeading(text)) return;
    const body = sectionBody(blocks, index);
    for (let i = index + 1; i <= index + body.length; i++) claimed.add(i);
    const items = sprintItems(body);
    if (items.length) sprints.push({ ...sprintName(text), items });
  });
  // Checklists outside any sprint section, grouped by the heading they sit under.
  const groups = new Map<string, ParsedRoadmapItem[]>();
  blocks.forEach((block, index) => {
    if (claimed.has(index) || block.node.type !== "list" || inSummary(block.path)) return;
    const items = checklistItems([block.node]);
    if (!items.length) return;
    const name = block.path.at(-1)?.text ?? "Checklist";
    groups.set(name, [...(groups.get(name) ?? []), ...items]);
  });
  for (const [heading, items] of groups) sprints.push({ ...sprintName(heading), items });
  return sprints;
}
