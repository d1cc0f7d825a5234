// GET /api/v1/projects/:slug/auto-plan?capacityHours=40&sprintCount=4 — a proposal (lead);
// POST {sprints: [{name, findingIds}]} — apply it, adjusted or not, in one transaction (lead)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { applyAutoPlan } from "@/lib/roadmap/apply-auto-plan";
import { proposeAutoPlan } from "@/lib/roadmap/propose-auto-plan";

export const GET = withProject(async (request, { project }) => NextResponse.json(await proposeAutoPlan(project.id, Object.fromEntries(request.nextUrl.searchParams))), {
  permission: "sprints.write",
});

export const POST = withProject(async (request, { project, actor }) => NextResponse.json(await applyAutoPlan(actor, project.id, await readJson(request)), { status: 201 }), {
  permission: "sprints.write",
});
