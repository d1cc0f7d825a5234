// POST /api/v1/projects/:slug/sprints/:id/close — close it; unfinished items move to the next open sprint ({confirm: true}, lead)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { closeSprint } from "@/lib/roadmap/sprint-use-cases";

export const POST = withProject<{ id: string }>(
  async (request, { project, actor, params }) => NextResponse.json(await closeSprint(actor, project.id, params.id, await readJson(request))),
  { permission: "sprints.write" },
);
