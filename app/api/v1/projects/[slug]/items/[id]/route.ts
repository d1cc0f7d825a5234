// PATCH /api/v1/projects/:slug/items/:id — move ({version, sprintId, index}) or set the status
// ({version, status, resolveFindings?, reopenFindings?}): engineers and leads; edit title,
// effort, description or assignee ({version, …}): leads. A stale version is a 409.
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { updateItem } from "@/lib/roadmap/item-use-cases";
import { moveItem } from "@/lib/roadmap/move-item";
import { setItemStatus } from "@/lib/roadmap/set-item-status";

export const PATCH = withProject<{ id: string }>(
  async (request, { project, actor, caller, params: { id: itemId } }) => {
    const body = await readJson(request);
    const fields = typeof body === "object" && body !== null ? Object.keys(body) : [];
    if (fields.includes("index")) return NextResponse.json(await moveItem(actor, project.id, itemId, body));
    if (fields.includes("status")) return NextResponse.json((await setItemStatus(actor, project.id, itemId, body)).item);
    if (!can(caller, "roadmap.write")) throw new AppError("forbidden", "Your role may move items and change their status, not edit them.");
    return NextResponse.json(await updateItem(actor, project.id, itemId, body));
  },
  { permission: "roadmap.status" },
);
