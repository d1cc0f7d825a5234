import type { Effort } from "@/lib/reports/schema";

// "15 menit", "2 jam", "3-5 hari", "1-3 bulan", "~6 jam", "< 1 week", "1 hari 4 jam" →
// minutes (and a high bound for ranges). 1 h = 60 min, 1 day = 8 h, 1 week = 5 days,
// 1 month = 4 weeks: working time, as plans are written.

const minutesPer: [RegExp, number][] = [
  [/^(menit|min|mins|minutes?|m)$/, 1],
  [/^(jam|h|hrs?|hours?)$/, 60],
  [/^(hari|d|days?)$/, 8 * 60],
  [/^(minggu|pekan|w|wks?|weeks?)$/, 5 * 8 * 60],
  [/^(bulan|months?|mo)$/, 4 * 5 * 8 * 60],
];

const unitMinutes = (unit: string) => minutesPer.find(([pattern]) => pattern.test(unit.toLowerCase()))?.[1] ?? null;

const number = String.raw`\d+(?:[.,]\d+)?`;
const unit = String.raw`[a-zA-Z]+`;
const range = new RegExp(String.raw`^(${number})\s*(?:-|–|—|to|sampai|s\.?d\.?|hingga)\s*(${number})\s*(${unit})$`);
const part = new RegExp(String.raw`(${number})\s*(${unit})`, "g");
const approx = /^(?:~|≈|±|\+\/-|<=?|>=?|≤|≥|about|approx\.?|around|sekitar|kurang lebih|kira-kira|up to|hingga|max\.?)\s*/i;

const toNumber = (text: string) => Number(text.replace(",", "."));

export function parseEffort(text: string): Effort | null {
  const original = text.trim();
  const body = original.replace(approx, "").trim();
  if (!body || original.length > 100) return null;

  const ranged = range.exec(body);
  if (ranged) {
    const per = unitMinutes(ranged[3] ?? "");
    if (per === null) return null;
    const low = Math.round(toNumber(ranged[1] ?? "") * per);
    const high = Math.round(toNumber(ranged[2] ?? "") * per);
    return high >= low ? { text: original, minutes: low, minutesHigh: high } : null;
  }

  // One figure or a sum of figures ("1 hari 4 jam", "1d 4h"); nothing else may remain.
  let minutes = 0;
  let matched = "";
  for (const m of body.matchAll(part)) {
    const per = unitMinutes(m[2] ?? "");
    if (per === null) return null;
    minutes += toNumber(m[1] ?? "") * per;
    matched += m[0];
  }
  if (!matched || body.replace(/\s+/g, "") !== matched.replace(/\s+/g, "")) return null;
  return { text: original, minutes: Math.round(minutes), minutesHigh: null };
}
