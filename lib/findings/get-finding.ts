import "server-only";
import { getDb } from "@/lib/db";

/** A finding of one project with everything its page shows; null when not in that project. */
export function getFinding(projectId: string, findingId: string) {
  return getDb().finding.findFirst({
    where: { id: findingId, projectId },
    include: {
      category: { select: { id: true, key: true, name: true } },
      assignee: { select: { id: true, email: true } },
      locations: { orderBy: { id: "asc" }, take: 500 },
      sources: { orderBy: [{ tool: "asc" }, { branch: "asc" }], take: 50 },
      events: { orderBy: { createdAt: "desc" }, include: { actor: { select: { email: true } }, item: { select: { id: true, title: true } } } },
      roadmapItems: { include: { item: { select: { id: true, title: true, status: true, sprint: { select: { name: true } } } } } },
    },
  });
}
