import { describe, expect, it } from "vitest";
import { parseEffort } from "@/lib/reports/parse-effort";

describe("parseEffort", () => {
  it.each([
    ["15 menit", 15, null],
    ["30 menit", 30, null],
    ["2 jam", 120, null],
    ["1 hari", 480, null],
    ["2 hari", 960, null],
    ["1 minggu", 2400, null],
    ["3-5 hari", 1440, 2400],
    ["1-3 bulan", 9600, 28800],
    ["~6 jam", 360, null],
    ["< 1 week", 2400, null],
    ["2 hours", 120, null],
    ["3-5 days", 1440, 2400],
    ["3–5 days", 1440, 2400],
    ["2 to 3 hours", 120, 180],
    ["2 sampai 3 jam", 120, 180],
    ["1.5 minggu", 3600, null],
    ["1,5 jam", 90, null],
    ["0.5 day", 240, null],
    ["1 hari 4 jam", 720, null],
    ["1d 4h", 720, null],
    ["sekitar 2 jam", 120, null],
    ["about 2 hours", 120, null],
    ["45min", 45, null],
  ])("%s → %i min (high %s)", (text, minutes, minutesHigh) => {
    expect(parseEffort(text)).toEqual({ text, minutes, minutesHigh });
  });

  it("keeps the text as written, trimmed", () => {
    expect(parseEffort("  < 1 minggu ")?.text).toBe("< 1 minggu");
  });

  it.each([["TBD"], ["-"], [""], ["high"], ["Fix the login flow"], ["5 apples"], ["5-3 days"]])("%j is no effort", (text) => {
    expect(parseEffort(text)).toBeNull();
  });
});
