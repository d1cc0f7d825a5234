import type { Severity } from "@/lib/maturity/score";

// The board as the browser holds it: columns of item ids (one per open sprint, then the
// backlog) and the items by id. Pure, so a drag's effect is computed the same way in tests.

export const BACKLOG = "backlog";

type CardFinding = { id: string; ref: string | null; title: string; severity: Severity; status: string };
export type CardItem = {
  id: string;
  sprintId: string | null;
  title: string;
  status: "todo" | "doing" | "done";
  version: number;
  effortMinutes: number | null;
  effortMinutesHigh: number | null;
  assignee: { email: string; name: string | null } | null;
  findings: CardFinding[];
};
export type Columns = Record<string, string[]>;

export function buildColumns(columnIds: string[], items: CardItem[]): Columns {
  const columns: Columns = Object.fromEntries(columnIds.map((id) => [id, [] as string[]]));
  for (const item of items) columns[item.sprintId ?? BACKLOG]?.push(item.id);
  return columns;
}

export function findColumn(columns: Columns, id: string): string | null {
  if (id in columns) return id;
  return Object.keys(columns).find((column) => columns[column]!.includes(id)) ?? null;
}

/** Moves an item to a column at an index (clamped), taking it out of wherever it is. */
export function placeItem(columns: Columns, itemId: string, column: string, index: number): Columns {
  const next: Columns = {};
  for (const [id, ids] of Object.entries(columns)) next[id] = ids.filter((x) => x !== itemId);
  const target = next[column] ?? [];
  const at = Math.max(0, Math.min(index, target.length));
  next[column] = [...target.slice(0, at), itemId, ...target.slice(at)];
  return next;
}

export type ColumnSummary = { items: number; done: number; effortLow: number; effortHigh: number; withEffort: number };

/** What a column header shows: effort low–high of its items, and how many are done. */
export function summarize(ids: string[], items: Record<string, CardItem>): ColumnSummary {
  const summary: ColumnSummary = { items: 0, done: 0, effortLow: 0, effortHigh: 0, withEffort: 0 };
  for (const id of ids) {
    const item = items[id];
    if (!item) continue;
    summary.items++;
    if (item.status === "done") summary.done++;
    if (item.effortMinutes !== null) {
      summary.withEffort++;
      summary.effortLow += item.effortMinutes;
      summary.effortHigh += item.effortMinutesHigh ?? item.effortMinutes;
    }
  }
  return summary;
}

/** Linked findings a done item would resolve (open or in progress), and a reopened one would reopen (resolved). */
export const resolvable = (item: CardItem) => item.findings.filter((f) => f.status === "open" || f.status === "in_progress");
export const reopenable = (item: CardItem) => item.findings.filter((f) => f.status === "resolved");

const sameFinding = (a: CardFinding, b: CardFinding) => a.id === b.id && a.ref === b.ref && a.title === b.title && a.severity === b.severity && a.status === b.status;

function sameItem(a: CardItem, b: CardItem): boolean {
  return (
    a.id === b.id && a.sprintId === b.sprintId && a.title === b.title && a.status === b.status && a.version === b.version &&
    a.effortMinutes === b.effortMinutes && a.effortMinutesHigh === b.effortMinutesHigh &&
    a.assignee?.email === b.assignee?.email && a.assignee?.name === b.assignee?.name &&
    a.findings.length === b.findings.length && a.findings.every((f, i) => sameFinding(f, b.findings[i]!))
  );
}

/**
 * The items after a refresh from the server, keeping the object of every item that did not
 * change: cards are memoized by identity, so only the changed ones render again.
 */
export function keepUnchangedItems(previous: Record<string, CardItem>, next: CardItem[]): Record<string, CardItem> {
  return Object.fromEntries(next.map((item) => {
    const before = previous[item.id];
    return [item.id, before && sameItem(before, item) ? before : item];
  }));
}

/** Columns after a refresh, keeping each column's array when its order did not change (sortable lists re-measure on a new one). */
export function keepUnchangedColumns(previous: Columns, next: Columns): Columns {
  return Object.fromEntries(Object.entries(next).map(([id, ids]) => {
    const before = previous[id];
    return [id, before && before.length === ids.length && before.every((x, i) => x === ids[i]) ? before : ids];
  }));
}
