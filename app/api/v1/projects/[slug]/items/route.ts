// GET /api/v1/projects/:slug/items — the board's items; POST — create an item, or plan findings ({sprintId, findingIds}) (lead)
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { getBoard } from "@/lib/roadmap/get-board";
import { createItem, planFindings } from "@/lib/roadmap/item-use-cases";

export const GET = withProject(async (_request, { project }) => NextResponse.json({ items: (await getBoard(project.id)).items }), { permission: "projects.read" });

export const POST = withProject(
  async (request, { project, actor }) => {
    const body = await readJson(request);
    const planning = typeof body === "object" && body !== null && !("title" in body) && "findingIds" in body;
    const created = planning ? await planFindings(actor, project.id, body) : await createItem(actor, project.id, body);
    return NextResponse.json(planning && "items" in created ? { items: created.items } : created, { status: 201 });
  },
  { permission: "roadmap.write" },
);
