import { describe, expect, it } from "vitest";
import { BACKLOG, buildColumns, findColumn, placeItem, summarize, type CardItem } from "@/lib/roadmap/board-state";

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
});
