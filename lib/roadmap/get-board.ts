import "server-only";
import { getDb } from "@/lib/db";

// The board: every sprint in order (closed ones too, for velocity) and every item with what its
// card shows, in two queries however many items there are.

const findingOnCard = { select: { finding: { select: { id: true, ref: true, title: true, severity: true, status: true } } } } as const;

/** The sprints alone, for those who need no items. */
export function findBoardSprints(projectId: string) {
  return getDb().sprint.findMany({
    where: { projectId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, position: true, window: true, startsOn: true, endsOn: true, goal: true, closedAt: true, createdAt: true },
  });
}

export async function getBoard(projectId: string) {
  const [sprints, items] = await Promise.all([
    findBoardSprints(projectId),
    getDb().roadmapItem.findMany({
      where: { projectId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true, sprintId: true, title: true, status: true, position: true, version: true, doneAt: true, createdAt: true,
        effortMinutes: true, effortMinutesHigh: true, effortText: true,
        assignee: { select: { id: true, email: true, name: true } },
        findings: findingOnCard,
      },
    }),
  ]);
  return {
    sprints,
    items: items.map(({ findings, ...item }) => ({ ...item, findings: findings.map((f) => f.finding) })),
  };
}

export type Board = Awaited<ReturnType<typeof getBoard>>;

/** One item with its sprint, findings and history (newest first); null when not in that project. */
export function getItem(projectId: string, itemId: string) {
  return getDb().roadmapItem.findFirst({
    where: { id: itemId, projectId },
    include: {
      sprint: { select: { id: true, name: true, closedAt: true } },
      assignee: { select: { id: true, email: true } },
      findings: findingOnCard,
      events: { orderBy: { createdAt: "desc" }, take: 200, include: { actor: { select: { email: true } } } },
    },
  });
}
