// The board as the browser holds it: columns of item ids (one per open sprint, then the
// backlog) and the items by id. Pure, so a drag's effect is computed the same way in tests.

export const BACKLOG = "backlog";

export type CardFinding = { id: string; ref: string | null; title: string; severity: "critical" | "high" | "medium" | "low" | "info"; status: string };
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

export const columnOf = (item: { sprintId: string | null }) => item.sprintId ?? BACKLOG;

export function buildColumns(columnIds: string[], items: CardItem[]): Columns {
  const columns: Columns = Object.fromEntries(columnIds.map((id) => [id, [] as string[]]));
  for (const item of items) columns[columnOf(item)]?.push(item.id);
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
