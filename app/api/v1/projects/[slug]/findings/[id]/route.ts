// GET/PATCH/DELETE /api/v1/projects/:slug/findings/:id — a PATCH with only `status` (and its
// reason/expiry) needs engineer+; any other field edit needs lead+.
import { NextResponse, type NextRequest } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { userActor } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getFinding } from "@/lib/findings/get-finding";
import { updateFinding } from "@/lib/findings/update-finding";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { deleteFinding } from "@/lib/findings/delete-finding";

const findingId = (request: NextRequest) => request.nextUrl.pathname.split("/").pop() ?? "";
const statusFields = new Set(["status", "statusReason", "riskAcceptedUntil"]);

export const GET = withProject(async (request, { project }) => {
  const finding = await getFinding(project.id, findingId(request));
  if (!finding) throw new AppError("not_found", "That finding does not exist in this project.");
  return NextResponse.json(finding);
}, { permission: "projects.read" });

export const PATCH = withProject(async (request, { project, user }) => {
  const body = await readJson(request);
  if (!body || typeof body !== "object") throw new AppError("invalid", "Send a JSON object.");
  const id = findingId(request);
  const statusOnly = Object.keys(body).every((k) => statusFields.has(k));
  if (statusOnly) {
    if (!can(user, "findings.status")) throw new AppError("forbidden", "Your role does not allow this.");
    return NextResponse.json(await setFindingStatus(userActor(user), project.id, id, body as Record<string, unknown>));
  }
  if (!can(user, "findings.write")) throw new AppError("forbidden", "Your role does not allow this.");
  return NextResponse.json(await updateFinding(userActor(user), project.id, id, body as Record<string, unknown>));
}, { permission: "findings.status" });

export const DELETE = withProject(async (request, { project, user }) => {
  await deleteFinding(userActor(user), project.id, findingId(request));
  return new NextResponse(null, { status: 204 });
}, { permission: "findings.write" });
