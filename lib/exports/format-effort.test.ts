import { describe, expect, it } from "vitest";
import { effortText, formatEffort } from "@/lib/exports/format-effort";
import { parseEffort } from "@/lib/reports/parse-effort";

describe("formatEffort", () => {
  it.each([
    [15, null, "15 minutes"],
    [60, null, "1 hour"],
    [90, null, "90 minutes"],
    [120, null, "2 hours"],
    [480, null, "1 day"],
    [1440, 2400, "3-5 days"],
    [2400, null, "1 week"],
    [9600, 28800, "1-3 months"],
    [60, 600, "1-10 hours"],
    [0, null, "0 minutes"],
  ])("%i–%s minutes → %s, which the importer reads back", (minutes, high, text) => {
    expect(formatEffort(minutes, high)).toBe(text);
    expect(parseEffort(text)).toEqual({ text, minutes, minutesHigh: high });
  });
});

describe("effortText", () => {
  it("keeps the text the item was planned with", () => {
    expect(effortText({ effortMinutes: 1440, effortMinutesHigh: 2400, effortText: "3-5 hari" })).toBe("3-5 hari");
    expect(effortText({ effortMinutes: 15, effortMinutesHigh: null, effortText: "15 menit" })).toBe("15 menit");
  });

  it("writes the minutes when the text no longer says them (edited in the app) or is missing", () => {
    expect(effortText({ effortMinutes: 30, effortMinutesHigh: null, effortText: "15 menit" })).toBe("30 minutes");
    expect(effortText({ effortMinutes: 120, effortMinutesHigh: null, effortText: null })).toBe("2 hours");
    expect(effortText({ effortMinutes: 120, effortMinutesHigh: null, effortText: "a while" })).toBe("2 hours");
  });

  it("is null without minutes", () => {
    expect(effortText({ effortMinutes: null, effortMinutesHigh: null, effortText: null })).toBeNull();
  });
});
