import { defaultCategories } from "@/lib/projects/default-categories";
import type { Block } from "@/lib/reports/markdown-tree";
import type { CategoryWeight } from "@/lib/reports/schema";
import { findColumn, readTable } from "@/lib/reports/table-rows";
import { severityFromText } from "@/lib/reports/vocabulary";

// Category weights, from a table (Category | Weight | Criticality) or from the config object
// a framework report shows in a code block (`security: { weight: 1.0, criticality: 'CRITICAL' }`).

const known = new Map(defaultCategories.map((c) => [c.key, c.name]));
const keyOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, " ")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .replace(/^api_integration$|^api_and_integration$/, "api_integration");

function category(name: string, weightText: string, criticalityText: string): CategoryWeight | null {
  const weight = Number(weightText.replace(",", ".").replace(/%$/, ""));
  const key = keyOf(name);
  if (!key || !Number.isFinite(weight) || weight < 0) return null;
  const scaled = /%$/.test(weightText.trim()) || weight > 10 ? weight / 100 : weight;
  const severity = severityFromText(criticalityText);
  return {
    key: key.slice(0, 60),
    name: known.get(key) ?? name.trim().slice(0, 100),
    weight: Math.min(10, scaled),
    criticality: severity && severity !== "info" ? severity : null,
  };
}

const inCode = /^\s*["']?([a-z][a-z0-9_]*)["']?\s*:\s*\{\s*weight\s*:\s*([\d.]+)\s*(?:,\s*criticality\s*:\s*["']?(\w+)["']?)?/gim;

function fromTable(rows: ReturnType<typeof readTable>): CategoryWeight[] {
  const name = findColumn(rows.header, /categor|kategori|area|domain/);
  const weight = findColumn(rows.header, /weight|bobot/);
  if (name < 0 || weight < 0) return [];
  const criticality = findColumn(rows.header, /critical|kritikal|priority|prioritas|severity/);
  return rows.rows
    .map((r) => category(r[name]?.text ?? "", r[weight]?.text ?? "", criticality >= 0 ? (r[criticality]?.text ?? "") : ""))
    .filter((c): c is CategoryWeight => c !== null);
}

export function extractCategories(blocks: Block[]): CategoryWeight[] {
  const byKey = new Map<string, CategoryWeight>();
  for (const { node } of blocks) {
    const found =
      node.type === "table"
        ? fromTable(readTable(node))
        : node.type === "code"
          ? [...node.value.matchAll(inCode)].map((m) => category(m[1] ?? "", m[2] ?? "", m[3] ?? "")).filter((c): c is CategoryWeight => c !== null)
          : [];
    for (const c of found) if (!byKey.has(c.key)) byKey.set(c.key, c);
  }
  return [...byKey.values()];
}
