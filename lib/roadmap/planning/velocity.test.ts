import { describe, expect, it } from "vitest";
import { velocity, type Velocity, type VelocityItem, type VelocitySprint } from "@/lib/roadmap/planning/velocity";

const closedAt = new Date("2025-03-07T17:00:00Z");
const item = (effortMinutes: number | null, status: VelocityItem["status"], effortMinutesHigh: number | null = null): VelocityItem => ({ effortMinutes, effortMinutesHigh, status });
const sprint = (id: string, items: VelocityItem[], closed = true): VelocitySprint => ({ id, name: `Sprint ${id}`, closedAt: closed ? closedAt : null, items });
const row = (id: string, doneMinutes: number, committedMinutes: number, doneItems: number, totalItems: number) => ({ id, name: `Sprint ${id}`, doneMinutes, committedMinutes, doneItems, totalItems });

describe("velocity", () => {
  it.each<[string, VelocitySprint[], Velocity]>([
    ["no sprints", [], { sprints: [], averageDoneMinutes: null }],
    ["only open sprints", [sprint("1", [item(60, "done")], false)], { sprints: [], averageDoneMinutes: null }],
    [
      "done work at its low bound; committed likewise; no effort adds 0 but still counts as an item",
      [sprint("1", [item(1440, "done", 2400), item(60, "doing", 120), item(null, "done"), item(30, "todo")])],
      { sprints: [row("1", 1440, 1530, 2, 4)], averageDoneMinutes: 1440 },
    ],
    [
      "open sprints left out, closed ones in the given order",
      [sprint("2", [item(120, "done")]), sprint("3", [item(60, "todo")], false), sprint("1", [item(45, "done"), item(15, "done")])],
      { sprints: [row("2", 120, 120, 1, 1), row("1", 60, 60, 2, 2)], averageDoneMinutes: 90 },
    ],
    [
      "the average looks at the last 3 closed sprints, rounded to minutes",
      [sprint("1", [item(9999, "done")]), sprint("2", [item(100, "done")]), sprint("3", [item(100, "done")]), sprint("4", [item(101, "done")]), sprint("5", [], false)],
      { sprints: [row("1", 9999, 9999, 1, 1), row("2", 100, 100, 1, 1), row("3", 100, 100, 1, 1), row("4", 101, 101, 1, 1)], averageDoneMinutes: 100 },
    ],
    [
      "an empty closed sprint counts as 0 in the average",
      [sprint("1", [item(90, "done")]), sprint("2", [])],
      { sprints: [row("1", 90, 90, 1, 1), row("2", 0, 0, 0, 0)], averageDoneMinutes: 45 },
    ],
  ])("%s", (_, sprints, expected) => {
    expect(velocity(sprints)).toEqual(expected);
  });
});
