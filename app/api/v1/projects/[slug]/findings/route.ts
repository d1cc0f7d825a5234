// GET /api/v1/projects/:slug/findings — one filtered, sorted page; POST — record a finding (lead+)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { createFinding } from "@/lib/findings/create-finding";
import { findFindings } from "@/lib/findings/find-findings";

export const GET = withProject(
  async (request, { project }) => {
    const { items, total, page, pageSize } = await findFindings(project.id, Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json({ items, total, page, pageSize });
  },
  { permission: "projects.read" },
);

export const POST = withProject(
  async (request, { project, actor }) => {
    const finding = await createFinding(actor, project.id, await readJson(request));
    return NextResponse.json(finding, { status: 201 });
  },
  { permission: "findings.write" },
);
