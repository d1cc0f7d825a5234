// GET /api/v1/projects/:slug/scans/:id — one scan and what it changed
import { NextResponse } from "next/server";
import { withProject } from "@/lib/api/with-project";
import { AppError } from "@/lib/errors";
import { getScanChanges } from "@/lib/ingest/get-scan-changes";

export const GET = withProject<{ id: string }>(
  async (_request, { project, params }) => {
    const changes = await getScanChanges(project.id, params.id);
    if (!changes) throw new AppError("not_found", "That scan does not exist in this project.");
    return NextResponse.json(changes);
  },
  { permission: "projects.read" },
);
