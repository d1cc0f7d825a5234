// GET/PUT /api/v1/projects/:slug/maturity/settings — severity weights and level thresholds (lead to change)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { getMaturitySettings } from "@/lib/maturity/get-maturity-settings";
import { setMaturitySettings } from "@/lib/maturity/set-maturity-settings";

export const GET = withProject(async (_request, { project }) => NextResponse.json(await getMaturitySettings(project.id)), { permission: "projects.read" });

export const PUT = withProject(async (request, { project, actor }) => NextResponse.json(await setMaturitySettings(actor, project.id, await readJson(request))), {
  permission: "projects.write",
});
