import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";

// What every step of a report import shares: the transaction, who imports, into which project,
// and one clock reading so every row of the import carries the same time.

export type ImportStep = { tx: Tx; actor: Actor; projectId: string; now: Date };

export type Counts = { added: number; updated: number; unchanged: number };

/** A row an earlier import created that this report no longer lists; reported, never changed. */
export type MissingRow = { type: "finding" | "item" | "strength"; id: string; ref: string | null; title: string };

/** FindingEvent.note of the events an import writes, so hand edits can be told apart. */
export const IMPORT_NOTE = "report import";

export const tally = (added: number, updated: number, total: number): Counts => ({ added, updated, unchanged: total - added - updated });

/** Rows in slices, so no single statement carries more bind parameters than PostgreSQL takes. */
export function inChunks<T>(rows: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
