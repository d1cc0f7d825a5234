// How much a team finishes per sprint, from the sprints it has closed: the number a lead plans
// the next sprint's capacity by.
//
// Done effort counts each item's low bound: a range ("3–5 days") promises at least the low
// figure, so that much work surely went into it, while counting the high bound would let
// estimates inflate velocity and the next sprint would be over-filled. Committed effort uses the
// same low bound so a sprint that finished everything shows done = committed.

export type VelocityItem = { effortMinutes: number | null; effortMinutesHigh: number | null; status: "todo" | "doing" | "done" };

export type VelocitySprint = { id: string; name: string; closedAt: Date | null; items: VelocityItem[] };

export type SprintVelocity = {
  id: string;
  name: string;
  /** Low-bound effort of the done items; an item without effort adds 0. */
  doneMinutes: number;
  /** Low-bound effort of all its items. */
  committedMinutes: number;
  doneItems: number;
  totalItems: number;
};

export type Velocity = {
  sprints: SprintVelocity[];
  /** Mean done effort of the last 3 closed sprints (fewer when there are fewer), in whole minutes; null when none is closed. */
  averageDoneMinutes: number | null;
};

/** How many recent sprints the average looks at: enough to smooth one odd sprint, few enough to follow the team as it changes. */
const averageOver = 3;

const lowBound = (items: VelocityItem[]) => items.reduce((sum, item) => sum + (item.effortMinutes ?? 0), 0);

/** `sprints` in the order they ran; open sprints are left out. */
export function velocity(sprints: VelocitySprint[]): Velocity {
  const closed = sprints
    .filter((sprint) => sprint.closedAt !== null)
    .map(({ id, name, items }) => {
      const done = items.filter((item) => item.status === "done");
      return { id, name, doneMinutes: lowBound(done), committedMinutes: lowBound(items), doneItems: done.length, totalItems: items.length };
    });
  const recent = closed.slice(-averageOver);
  const averageDoneMinutes = recent.length === 0 ? null : Math.round(recent.reduce((sum, s) => sum + s.doneMinutes, 0) / recent.length);
  return { sprints: closed, averageDoneMinutes };
}
