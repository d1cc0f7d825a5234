// GET /api/v1/projects/:slug/findings — list with filters; POST — create a finding (lead+)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { userActor } from "@/lib/audit/record-audit";
import { createFinding } from "@/lib/findings/create-finding";
import { findFindings } from "@/lib/findings/find-findings";

export const GET = withProject(async (request, { project }) => {
  const { items, total, page, pageSize } = await findFindings(project.id, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json({ items, total, page, pageSize });
}, { permission: "projects.read" });

export const POST = withProject(async (request, { project, user }) => {
  const body = (await readJson(request)) as Record<string, unknown>;
  const finding = await createFinding(userActor(user), project.id, body as Record<string, string>);
  return NextResponse.json(finding, { status: 201 });
}, { permission: "findings.write" });
