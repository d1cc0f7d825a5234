import "server-only";
import type { NextRequest } from "next/server";
import { withApi, type ApiContext } from "@/lib/api/with-api";
import { getSessionUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { userActor, type Actor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { authenticateToken } from "@/lib/tokens/authenticate-token";

// /api/v1/projects/{slug}/… handlers: caller → project → permission, then the handler. The
// caller is a signed-in user (session cookie) or a project API token (Authorization: Bearer).
// A token belongs to one project and may only read it and import into it.

export type Caller = { role: Role; kind: "user" | "token" };

export type ProjectContext = {
  caller: Caller;
  actor: Actor;
  project: { id: string; slug: string; name: string };
  requestId: string;
};

/** The route's own params beside the slug (e.g. `{ id: string }` under /findings/[id]). */
type Handler<P> = (request: NextRequest, context: ProjectContext & { params: P }) => Promise<Response>;

const tokenPermissions: ReadonlySet<Permission> = new Set(["projects.read", "imports.write"]);

async function identify(request: NextRequest): Promise<{ caller: Caller; actor: Actor; tokenProjectId?: string }> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) {
    const token = await authenticateToken(bearer);
    if (!token) throw new AppError("unauthorized", "That API token is unknown or revoked.");
    // Leads create tokens; a token acts with a lead's rights, limited to tokenPermissions.
    return { caller: { role: "lead", kind: "token" }, actor: { id: null, label: `token:${token.id}` }, tokenProjectId: token.projectId };
  }
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in or send a valid token.");
  return { caller: { role: user.role, kind: "user" }, actor: userActor(user) };
}

export function withProject<P extends Record<string, string> = Record<never, string>>(handler: Handler<P>, options: { permission: Permission }) {
  return withApi<P & { slug: string }>(async (request, context: ApiContext<P & { slug: string }>) => {
    const { caller, actor, tokenProjectId } = await identify(request);
    const { slug, ...params } = await context.params;
    const project = await getDb().project.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
    // A token for another project learns nothing about this one, not even that it exists.
    if (!project || (tokenProjectId && tokenProjectId !== project.id)) throw new AppError("not_found", `No project with the slug "${slug}".`);
    if (caller.kind === "token" && !tokenPermissions.has(options.permission)) throw new AppError("forbidden", "API tokens may read a project and import into it, nothing else.");
    if (!can(caller, options.permission)) throw new AppError("forbidden", "Your role does not allow this.");
    return handler(request, { caller, actor, project, requestId: context.requestId, params: params as unknown as P });
  });
}
