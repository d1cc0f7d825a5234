// A sprint's burndown: what was left at the end of each day, beside the straight line from the
// committed work down to nothing on the last day. Days are UTC calendar days, weekends
// included, so the chart is the same for every viewer. Remaining work counts each item's high
// bound: a burndown should not look better than the plan allows.

export type BurndownItem = {
  effortMinutes: number;
  effortMinutesHigh: number | null;
  doneAt: Date | null;
  /** When it entered the sprint: items added later are scope change, not commitment. */
  addedAt: Date;
};

export type BurndownInput = { startsOn: Date; endsOn: Date; today: Date; items: BurndownItem[] };

export type BurndownPoint = { date: string; remainingMinutes: number; idealMinutes: number };

export type Burndown = {
  points: BurndownPoint[];
  /** Every item in the sprint now, late additions included. */
  totalMinutes: number;
  /** Left at the end of today, or of the last day once the sprint is over. */
  remainingMinutes: number;
  /** Days of the sprint still ahead, today included; 0 once it is over. */
  daysLeft: number;
};

const dayMs = 24 * 60 * 60 * 1000;

function utcDay(date: Date, name: string): number {
  if (!Number.isFinite(date.getTime())) throw new RangeError(`${name} is not a valid date.`);
  return Math.floor(date.getTime() / dayMs);
}

const isoDate = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

const highBound = (item: BurndownItem) => item.effortMinutesHigh ?? item.effortMinutes;

/** The work in the sprint and not done when `day` ended: an item done before the sprint began is done from day one. */
function remainingAt(items: BurndownItem[], day: number): number {
  const end = (day + 1) * dayMs;
  return items.reduce((sum, item) => (item.addedAt.getTime() < end && (item.doneAt === null || item.doneAt.getTime() >= end) ? sum + highBound(item) : sum), 0);
}

export function burndown(input: BurndownInput): Burndown {
  const start = utcDay(input.startsOn, "startsOn");
  const end = utcDay(input.endsOn, "endsOn");
  const today = utcDay(input.today, "today");
  if (end < start) throw new RangeError(`endsOn (${isoDate(end)}) is before startsOn (${isoDate(start)}).`);

  const { items } = input;
  // Committed: what was in the sprint by the end of its first day, done or not.
  const committed = items.reduce((sum, item) => (item.addedAt.getTime() < (start + 1) * dayMs ? sum + highBound(item) : sum), 0);
  const length = end - start;
  const points: BurndownPoint[] = [];
  for (let day = start; day <= Math.min(end, today); day++) {
    // A one-day sprint's only point is its last day, where the ideal is 0.
    const ideal = length === 0 ? 0 : Math.round(committed * (1 - (day - start) / length));
    points.push({ date: isoDate(day), remainingMinutes: remainingAt(items, day), idealMinutes: ideal });
  }

  return {
    points,
    totalMinutes: items.reduce((sum, item) => sum + highBound(item), 0),
    remainingMinutes: remainingAt(items, Math.min(end, today)),
    daysLeft: Math.max(0, end - Math.max(start, today) + 1),
  };
}
