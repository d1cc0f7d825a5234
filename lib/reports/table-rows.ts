import type { PhrasingContent, Table } from "mdast";
import { toString } from "mdast-util-to-string";

// GFM tables as header names and rows of cells, with the code spans of each cell kept apart:
// reports name files in backticks, and a File column is where locations come from.

export type Cell = { text: string; code: string[] };
export type TableRows = { header: string[]; rows: Cell[][] };

function codeSpans(nodes: PhrasingContent[], into: string[] = []): string[] {
  for (const node of nodes) {
    if (node.type === "inlineCode") into.push(node.value.trim());
    else if ("children" in node) codeSpans(node.children as PhrasingContent[], into);
  }
  return into;
}

export function readTable(table: Table): TableRows {
  const [head, ...body] = table.children;
  const header = (head?.children ?? []).map((cell) => toString(cell).replace(/\s+/g, " ").trim());
  const rows = body.map((row) =>
    row.children.map((cell) => ({ text: toString(cell).replace(/\s+/g, " ").trim(), code: codeSpans(cell.children) })),
  );
  return { header, rows };
}

/** Index of the first header that matches, or -1. Headers are compared case-insensitively. */
export function findColumn(header: string[], pattern: RegExp, except: number[] = []): number {
  return header.findIndex((name, i) => !except.includes(i) && pattern.test(name.toLowerCase()));
}
