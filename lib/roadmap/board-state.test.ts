import { describe, expect, it } from "vitest";
import { BACKLOG, buildColumns, findColumn, keepUnchangedColumns, keepUnchangedItems, placeItem, summarize, type CardItem } from "@/lib/roadmap/board-state";

const item = (id: string, sprintId: string | null, over: Partial<CardItem> = {}): CardItem => ({
  id, sprintId, title: id, status: "todo", version: 1, effortMinutes: null, effortMinutesHigh: null, assignee: null, findings: [], ...over,
});

describe("board state", () => {
  const items = [item("a", "s1"), item("b", "s1"), item("c", "s2"), item("d", null)];
  const columns = buildColumns(["s1", "s2", BACKLOG], items);

  it("groups items into their sprint's column, the rest into the backlog", () => {
    expect(columns).toEqual({ s1: ["a", "b"], s2: ["c"], backlog: ["d"] });
    expect(findColumn(columns, "c")).toBe("s2");
    expect(findColumn(columns, "s1")).toBe("s1");
    expect(findColumn(columns, "zz")).toBeNull();
  });

  it.each([
    ["within a column", "a", "s1", 1, { s1: ["b", "a"], s2: ["c"], backlog: ["d"] }],
    ["to another column's top", "b", "s2", 0, { s1: ["a"], s2: ["b", "c"], backlog: ["d"] }],
    ["past the end (clamped)", "a", BACKLOG, 9, { s1: ["b"], s2: ["c"], backlog: ["d", "a"] }],
  ])("places an item %s", (_name, id, column, index, expected) => {
    expect(placeItem(columns, id, column, index)).toEqual(expected);
  });

  it("sums effort low–high and counts done items", () => {
    const byId = Object.fromEntries(
      [item("x", "s", { effortMinutes: 60, effortMinutesHigh: 120, status: "done" }), item("y", "s", { effortMinutes: 30 }), item("z", "s")].map((i) => [i.id, i]),
    );
    expect(summarize(["x", "y", "z"], byId)).toEqual({ items: 3, done: 1, effortLow: 90, effortHigh: 150, withEffort: 2 });
  });

  it("keeps the objects of items and columns a refresh did not change, and takes the changed ones", () => {
    const before = Object.fromEntries(items.map((i) => [i.id, i]));
    const fresh = [
      { ...items[0]! },
      { ...items[1]!, version: 2, status: "done" as const },
      { ...items[2]!, findings: [{ id: "f", ref: "C-1", title: "f", severity: "high" as const, status: "open" }] },
      { ...items[3]!, assignee: { email: "e@x.io", name: null } },
    ];
    const after = keepUnchangedItems(before, fresh);
    expect(after.a).toBe(before.a);
    expect(after.b).toBe(fresh[1]);
    expect(after.c).toBe(fresh[2]);
    expect(after.d).toBe(fresh[3]);
    const next = keepUnchangedColumns(columns, { s1: ["a", "b"], s2: ["c", "d"], backlog: [] });
    expect(next.s1).toBe(columns.s1);
    expect(next.s2).toEqual(["c", "d"]);
    expect(next.backlog).toEqual([]);
  });
});
