// GET /api/v1/projects/:slug/sprints — the sprints in order; POST — create one (lead); PATCH — reorder ({sprintIds}, lead)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { findBoardSprints } from "@/lib/roadmap/get-board";
import { createSprint, reorderSprints } from "@/lib/roadmap/sprint-use-cases";

export const GET = withProject(async (_request, { project }) => NextResponse.json({ items: await findBoardSprints(project.id) }), { permission: "projects.read" });

export const POST = withProject(async (request, { project, actor }) => NextResponse.json(await createSprint(actor, project.id, await readJson(request)), { status: 201 }), {
  permission: "sprints.write",
});

export const PATCH = withProject(
  async (request, { project, actor }) => {
    await reorderSprints(actor, project.id, await readJson(request));
    return NextResponse.json({ items: await findBoardSprints(project.id) });
  },
  { permission: "sprints.write" },
);
