// GET /api/v1/projects/:slug/gate — pass or fail with each criterion; PUT — set the criteria (lead)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { getGateStatus } from "@/lib/maturity/get-gate-status";
import { setGateCriteria } from "@/lib/maturity/set-gate-criteria";

export const GET = withProject(async (_request, { project }) => NextResponse.json(await getGateStatus(project.id)), { permission: "projects.read" });

export const PUT = withProject(
  async (request, { project, actor }) => {
    await setGateCriteria(actor, project.id, await readJson(request));
    return NextResponse.json(await getGateStatus(project.id));
  },
  { permission: "projects.write" },
);
