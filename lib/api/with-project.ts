import "server-only";
import type { NextRequest } from "next/server";
import { withApi, type ApiContext } from "@/lib/api/with-api";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// /api/v1/projects/{slug}/… handlers: caller → project → permission, then the handler.
// The caller is the signed-in user (session cookie); project API tokens join here later.

export type ProjectContext = {
  user: SessionUser;
  project: { id: string; slug: string; name: string };
  requestId: string;
};

type Handler = (request: NextRequest, context: ProjectContext) => Promise<Response>;

export function withProject(handler: Handler, options: { permission: Permission }) {
  return withApi<{ slug: string }>(async (request, context: ApiContext<{ slug: string }>) => {
    const user = await getSessionUser();
    if (!user) throw new AppError("unauthorized", "Sign in or send a valid token.");
    const { slug } = await context.params;
    const project = await getDb().project.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
    if (!project) throw new AppError("not_found", `No project with the slug "${slug}".`);
    if (!can(user, options.permission)) throw new AppError("forbidden", "Your role does not allow this.");
    return handler(request, { user, project, requestId: context.requestId });
  });
}
