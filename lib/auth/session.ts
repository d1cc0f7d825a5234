import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth/options";
import { can, type Permission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The only importer of next-auth on the server. The session carries only the user id; the
// role is read from the database on each request, so a role change or a disabled account
// takes effect at once.

export type SessionUser = { id: string; email: string; name: string | null; role: "admin" | "lead" | "engineer" | "viewer" };

// Once per request however many server components ask (the layout and the page both do);
// outside a render, React's cache does not memoize, so actions and routes read it fresh.
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

/**
 * For pages: a signed-out visitor goes to the sign-in page. Next renders a page alongside its
 * layout, so the layout's redirect alone would not stop the page from throwing first.
 */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) throw new AppError("forbidden", "Your role does not allow this.");
  return user;
}
