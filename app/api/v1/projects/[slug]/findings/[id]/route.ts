// GET/PATCH/DELETE /api/v1/projects/:slug/findings/:id — PATCH `status` (+ statusReason,
// riskAcceptedUntil) needs "findings.status"; any other field needs "findings.write".
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getFinding } from "@/lib/findings/get-finding";
import { updateFinding } from "@/lib/findings/update-finding";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { deleteFinding } from "@/lib/findings/delete-finding";
import { setFindingStatusSchema } from "@/lib/findings/schema";
import { parseInput } from "@/lib/validation";

async function foundFinding(projectId: string, findingId: string) {
  const finding = await getFinding(projectId, findingId);
  if (!finding) throw new AppError("not_found", "That finding does not exist in this project.");
  return finding;
}

export const GET = withProject<{ id: string }>(async (_request, { project, params }) => NextResponse.json(await foundFinding(project.id, params.id)), {
  permission: "projects.read",
});

export const PATCH = withProject<{ id: string }>(
  async (request, { project, caller, actor, params }) => {
    const body = await readJson(request);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("invalid", "Send a JSON object of the fields to change.");
    const { status, statusReason, riskAcceptedUntil, ...edits } = body as Record<string, unknown>;
    const changesStatus = "status" in body || "statusReason" in body || "riskAcceptedUntil" in body;
    const hasEdits = Object.keys(edits).length > 0;
    if (hasEdits && !can(caller, "findings.write")) throw new AppError("forbidden", "Your role may change the status, not other fields.");
    // Check the status part before any edit is written, so a bad status changes nothing.
    if (changesStatus) parseInput(setFindingStatusSchema, { status, statusReason, riskAcceptedUntil });
    const { id } = params;
    if (hasEdits) await updateFinding(actor, project.id, id, edits);
    if (changesStatus) await setFindingStatus(actor, project.id, id, { status, statusReason, riskAcceptedUntil });
    return NextResponse.json(await foundFinding(project.id, id));
  },
  { permission: "findings.status" },
);

export const DELETE = withProject<{ id: string }>(
  async (_request, { project, actor, params }) => {
    await deleteFinding(actor, project.id, params.id);
    return new NextResponse(null, { status: 204 });
  },
  { permission: "findings.write" },
);
