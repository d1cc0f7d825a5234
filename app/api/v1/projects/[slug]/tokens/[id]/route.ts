// DELETE /api/v1/projects/:slug/tokens/:id — revoke a token (lead, signed in)
import { withProject } from "@/lib/api/with-project";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

export const DELETE = withProject<{ id: string }>(
  async (_request, { project, actor, params }) => {
    await revokeApiToken(actor, project.id, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "tokens.write" },
);
