import type { List, ListItem, Table } from "mdast";
import { toString } from "mdast-util-to-string";
import { headingText, type Block } from "@/lib/reports/markdown-tree";
import type { Strength } from "@/lib/reports/schema";
import { inStrengths } from "@/lib/reports/section-context";
import { findColumn, readTable } from "@/lib/reports/table-rows";

// Strengths: the items of a "Strengths" / "Kekuatan" / "Temuan Positif" section, and the rows
// of a feature matrix whose status column is all ✅ (wherever it stands, summaries included).

const clean = (text: string) => text.replace(/\s+/g, " ").trim();

function split(text: string): Strength {
  const cleaned = clean(text);
  if (cleaned.length <= 300) return { title: cleaned, detail: "" };
  return { title: `${cleaned.slice(0, 299)}…`, detail: cleaned.slice(0, 5000) };
}

function fromListItem(item: ListItem): Strength | null {
  const [first, ...rest] = item.children;
  if (!first || first.type !== "paragraph") return null;
  const [lead, ...tail] = first.children;
  const nested = rest.map((child) => toString(child)).join(" ");
  if (lead?.type === "strong") {
    const title = clean(toString(lead)).replace(/[:：\s]+$/, "");
    const detail = clean(`${toString({ ...first, children: tail })} ${nested}`).replace(/^[:\-–—]\s*/, "");
    if (title) return { title: title.slice(0, 300), detail: detail.slice(0, 5000) };
  }
  const strength = split(toString(first));
  if (nested) strength.detail = clean(`${strength.detail} ${nested}`).slice(0, 5000);
  return strength.title ? strength : null;
}

const numberColumn = /^(#|no\.?|nomor)$/;
const titleColumn = /kekuatan|strength|feature|fitur|area|aspek|aspect|komponen|component|capability|kemampuan|item|hal|practice/;
const statusColumn = /status|hasil|result|state|implemented/;
// A numbered or ticked heading is one strength; the bullets under it are its details.
const itemHeading = /^\d+[.)]\s|✅|✔/u;
// Only a table presented as a feature matrix lists strengths; per-page test tables that are
// all ✅ are assessments of one screen, not strengths of the system.
const matrixHeading = /matri[xk]|capabilit|kapabilitas|implemented features|fitur yang (?:sudah|telah)/i;
const done = /✅|✔|☑|\b(done|selesai|implemented|passed?|complete[d]?|ok|yes|ya)\b/i;

function fromTable(table: Table, wholeTable: boolean): Strength[] {
  const { header, rows } = readTable(table);
  const number = findColumn(header, numberColumn);
  const status = findColumn(header, statusColumn, [number]);
  if (!wholeTable && (status < 0 || rows.length === 0 || !rows.every((r) => done.test(r[status]?.text ?? "")))) return [];
  let title = findColumn(header, titleColumn, [number, status]);
  if (title < 0) title = header.findIndex((_, i) => i !== number && i !== status);
  return rows
    .map((row) => {
      const detail = row
        .filter((_, i) => i !== number && i !== title && i !== status)
        .map((c) => c.text)
        .filter(Boolean)
        .join(" · ");
      return { title: clean(row[title]?.text ?? "").slice(0, 300), detail: detail.slice(0, 5000) };
    })
    .filter((s) => s.title);
}

export function extractStrengths(blocks: Block[]): Strength[] {
  const strengths: Strength[] = [];
  for (const { node, path } of blocks) {
    const inSection = inStrengths(path);
    if (node.type === "table" && (inSection || matrixHeading.test(path.at(-1)?.text ?? ""))) strengths.push(...fromTable(node, inSection));
    else if (inSection && node.type === "heading") {
      // "### 1. **Prepared Statements** ✅": one strength per numbered or ticked heading;
      // a plain sub-heading ("### Security") only groups the bullets below it.
      const text = headingText(node);
      if (!itemHeading.test(text)) continue;
      const title = clean(text.replace(/^\d+[.)]\s*/, "").replace(/[\p{Extended_Pictographic}\uFE0F]/gu, ""));
      if (title) strengths.push({ title: title.slice(0, 300), detail: "" });
    }
    else if (inSection && node.type === "list" && !itemHeading.test(path.at(-1)?.text ?? "")) {
      for (const item of (node as List).children) {
        const strength = fromListItem(item);
        if (strength) strengths.push(strength);
      }
    }
  }
  return strengths;
}
