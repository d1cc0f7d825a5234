// PATCH /api/v1/projects/:slug/sprints/:id — rename, date, give a text window or a goal (lead)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { updateSprint } from "@/lib/roadmap/sprint-use-cases";

export const PATCH = withProject<{ id: string }>(
  async (request, { project, actor, params }) => NextResponse.json(await updateSprint(actor, project.id, params.id, await readJson(request))),
  { permission: "sprints.write" },
);
