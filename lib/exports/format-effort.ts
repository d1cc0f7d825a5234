import { parseEffort } from "@/lib/reports/parse-effort";

// An item's effort as text the importer's parseEffort reads back to the same minutes. Pure.

type ItemEffort = { effortMinutes: number | null; effortMinutesHigh: number | null; effortText: string | null };

// The importer's working-time units (1 day = 8 h, 1 week = 5 days, 1 month = 4 weeks).
const units: [name: string, minutes: number][] = [
  ["month", 4 * 5 * 8 * 60],
  ["week", 5 * 8 * 60],
  ["day", 8 * 60],
  ["hour", 60],
  ["minute", 1],
];

/** "2 hours", "3-5 days", "90 minutes": the largest unit both bounds fill exactly. */
export function formatEffort(minutes: number, minutesHigh: number | null): string {
  const high = minutesHigh !== null && minutesHigh >= minutes ? minutesHigh : null;
  const [name, size] = units.find(([, size]) => minutes % size === 0 && (high === null || high % size === 0) && minutes >= size) ?? units[units.length - 1]!;
  const last = (high ?? minutes) / size;
  const figures = high === null ? `${minutes / size}` : `${minutes / size}-${high / size}`;
  return `${figures} ${name}${last === 1 ? "" : "s"}`;
}

/**
 * The text the item was planned with ("3-5 hari") when it still reads as its minutes, else the
 * minutes in English; null when the item has no effort.
 */
export function effortText(item: ItemEffort): string | null {
  if (item.effortMinutes === null) return null;
  const stated = item.effortText ? parseEffort(item.effortText) : null;
  if (stated && stated.minutes === item.effortMinutes && stated.minutesHigh === item.effortMinutesHigh) return item.effortText;
  return formatEffort(item.effortMinutes, item.effortMinutesHigh);
}
