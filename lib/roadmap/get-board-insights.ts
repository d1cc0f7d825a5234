import "server-only";
import { getDb } from "@/lib/db";
import { readMaturitySettings } from "@/lib/maturity/settings";
import type { Board } from "@/lib/roadmap/get-board";
import { burndown } from "@/lib/roadmap/planning/burndown";
import { roiTable } from "@/lib/roadmap/planning/roi";
import { velocity } from "@/lib/roadmap/planning/velocity";

const dayMs = 86_400_000;

/**
 * What the board shows under its columns: the current sprint's burndown (null until it has
 * started), velocity over the closed sprints, and the ten items with the best return on effort.
 * The current sprint is the open, dated one today falls in (its last day included), else the
 * first open dated one.
 */
export async function getBoardInsights(projectId: string, board: Board, today = new Date()) {
  const project = await getDb().project.findUniqueOrThrow({ where: { id: projectId }, select: { maturitySettings: true } });
  const dated = board.sprints.filter((s) => !s.closedAt && s.startsOn && s.endsOn);
  const current = dated.find((s) => s.startsOn! <= today && today <= new Date(s.endsOn!.getTime() + dayMs)) ?? dated[0] ?? null;
  const sprintItems = (id: string) => board.items.filter((i) => i.sprintId === id);
  // An item counts from when it was made; moves into the sprint are not told apart (yet).
  const burn = current && current.startsOn! <= today
    ? burndown({
        startsOn: current.startsOn!, endsOn: current.endsOn!, today,
        items: sprintItems(current.id).filter((i) => i.effortMinutes !== null).map((i) => ({ effortMinutes: i.effortMinutes!, effortMinutesHigh: i.effortMinutesHigh, doneAt: i.doneAt, addedAt: i.createdAt })),
      })
    : null;
  const speed = velocity(board.sprints.filter((s) => s.closedAt).map((s) => ({ id: s.id, name: s.name, closedAt: s.closedAt, items: sprintItems(s.id) })));
  const roi = roiTable(board.items, readMaturitySettings(project.maturitySettings).severityWeights).slice(0, 10);
  return { current, burn, speed, roi };
}
