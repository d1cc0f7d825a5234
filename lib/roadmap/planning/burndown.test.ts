import { describe, expect, it } from "vitest";
import { burndown, type Burndown, type BurndownInput, type BurndownItem } from "@/lib/roadmap/planning/burndown";

const at = (iso: string) => new Date(iso);
const item = (effortMinutes: number, effortMinutesHigh: number | null, addedAt: string, doneAt: string | null = null): BurndownItem => ({
  effortMinutes,
  effortMinutesHigh,
  addedAt: at(addedAt),
  doneAt: doneAt === null ? null : at(doneAt),
});

// A Monday-to-Friday sprint, its times of day left in to show only the UTC date counts.
const week = { startsOn: at("2025-03-03T09:00:00Z"), endsOn: at("2025-03-07T17:00:00Z") };
const items = [
  item(120, 240, "2025-03-01T10:00:00Z", "2025-03-04T10:00:00Z"), // counts its high bound, done on day two
  item(60, null, "2025-03-03T23:00:00Z"), // added late on day one: still committed
  item(60, null, "2025-03-05T09:00:00Z", "2025-03-06T23:59:59Z"), // scope added on day three, done on day four
  item(30, null, "2025-02-20T10:00:00Z", "2025-02-28T10:00:00Z"), // done before the sprint began
];
const ideal = [330, 248, 165, 83, 0];

describe("burndown", () => {
  it.each<[string, BurndownInput, Burndown]>([
    [
      "a finished sprint: every day, late scope, and work done before it began",
      { ...week, today: at("2025-03-10T08:00:00Z"), items },
      {
        points: [
          { date: "2025-03-03", remainingMinutes: 300, idealMinutes: ideal[0]! },
          { date: "2025-03-04", remainingMinutes: 60, idealMinutes: ideal[1]! },
          { date: "2025-03-05", remainingMinutes: 120, idealMinutes: ideal[2]! },
          { date: "2025-03-06", remainingMinutes: 60, idealMinutes: ideal[3]! },
          { date: "2025-03-07", remainingMinutes: 60, idealMinutes: ideal[4]! },
        ],
        totalMinutes: 390,
        remainingMinutes: 60,
        daysLeft: 0,
      },
    ],
    [
      "a running sprint stops at today",
      { ...week, today: at("2025-03-05T12:00:00Z"), items },
      {
        points: [
          { date: "2025-03-03", remainingMinutes: 300, idealMinutes: ideal[0]! },
          { date: "2025-03-04", remainingMinutes: 60, idealMinutes: ideal[1]! },
          { date: "2025-03-05", remainingMinutes: 120, idealMinutes: ideal[2]! },
        ],
        totalMinutes: 390,
        remainingMinutes: 120,
        daysLeft: 3,
      },
    ],
    [
      "before it starts: no points, the whole sprint ahead",
      { ...week, today: at("2025-03-02T12:00:00Z"), items: items.slice(0, 2).map((i) => ({ ...i, addedAt: at("2025-03-01T10:00:00Z") })) },
      { points: [], totalMinutes: 300, remainingMinutes: 300, daysLeft: 5 },
    ],
    [
      "a sprint without items",
      { ...week, today: at("2025-03-04T12:00:00Z"), items: [] },
      {
        points: [
          { date: "2025-03-03", remainingMinutes: 0, idealMinutes: 0 },
          { date: "2025-03-04", remainingMinutes: 0, idealMinutes: 0 },
        ],
        totalMinutes: 0,
        remainingMinutes: 0,
        daysLeft: 4,
      },
    ],
    [
      "a one-day sprint, on its day",
      { startsOn: at("2025-03-03T00:00:00Z"), endsOn: at("2025-03-03T00:00:00Z"), today: at("2025-03-03T15:00:00Z"), items: [item(45, null, "2025-03-01T00:00:00Z")] },
      { points: [{ date: "2025-03-03", remainingMinutes: 45, idealMinutes: 0 }], totalMinutes: 45, remainingMinutes: 45, daysLeft: 1 },
    ],
  ])("%s", (_, input, expected) => {
    expect(burndown(input)).toEqual(expected);
  });

  it.each<[string, Partial<BurndownInput>, RegExp]>([
    ["ends before it starts", { endsOn: at("2025-03-02T23:00:00Z") }, /endsOn \(2025-03-02\) is before startsOn \(2025-03-03\)/],
    ["an invalid date", { today: at("not a date") }, /today is not a valid date/],
  ])("rejects a sprint that %s with a RangeError", (_, change, message) => {
    const input = { ...week, today: at("2025-03-04T00:00:00Z"), items, ...change };
    expect(() => burndown(input)).toThrow(RangeError);
    expect(() => burndown(input)).toThrow(message);
  });
});
