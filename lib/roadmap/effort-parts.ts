// Effort in minutes as people plan it: "45 min", "6 h", "3–5 d", "2 w" (1 d = 8 h, 1 w = 5 d).
// Pure; the caller formats the numbers for the reader's locale and translates the unit.

export type EffortUnit = "min" | "h" | "d" | "w";

const units: [EffortUnit, number][] = [
  ["w", 5 * 8 * 60],
  ["d", 8 * 60],
  ["h", 60],
  ["min", 1],
];

/** The largest unit the low bound fills at least once, and both bounds in it. */
export function effortParts(minutes: number, minutesHigh: number | null): { unit: EffortUnit; low: number; high: number | null } {
  const [unit, size] = units.find(([, size]) => minutes >= size) ?? units[units.length - 1]!;
  const round = (value: number) => Math.round((value / size) * 10) / 10;
  const high = minutesHigh !== null && minutesHigh !== minutes ? round(minutesHigh) : null;
  return { unit, low: round(minutes), high };
}
