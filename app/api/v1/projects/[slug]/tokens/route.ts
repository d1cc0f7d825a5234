// GET /api/v1/projects/:slug/tokens — the project's API tokens (never their secrets);
// POST — create one; the response is the only time its secret is shown (lead, signed in).
import { NextResponse } from "next/server";
import { readJson } from "@/lib/api/with-api";
import { withProject } from "@/lib/api/with-project";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { findApiTokens } from "@/lib/tokens/find-api-tokens";

export const GET = withProject(async (_request, { project }) => NextResponse.json({ items: await findApiTokens(project.id) }), {
  permission: "tokens.write",
});

export const POST = withProject(
  async (request, { project, actor }) => NextResponse.json(await createApiToken(actor, project.id, await readJson(request)), { status: 201 }),
  { permission: "tokens.write" },
);
