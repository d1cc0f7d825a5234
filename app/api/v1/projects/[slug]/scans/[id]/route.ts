// GET /api/v1/projects/:slug/scans/:id — one scan and what it changed
import { NextResponse } from "next/server";
import { withProject } from "@/lib/api/with-project";
import { AppError } from "@/lib/errors";
import { getScanChanges } from "@/lib/ingest/get-scan-changes";

export const GET = withProject(
  async (request, { project }) => {
    const id = request.nextUrl.pathname.split("/").pop() ?? "";
    const changes = await getScanChanges(project.id, id);
    if (!changes) throw new AppError("not_found", "That scan does not exist in this project.");
    return NextResponse.json(changes);
  },
  { permission: "projects.read" },
);
