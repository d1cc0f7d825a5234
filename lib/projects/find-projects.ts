import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Slug and name of every project, for the sidebar. */
export function findProjectLinks() {
  return getDb().project.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}

export function getProjectBySlug(slug: string) {
  return getDb().project.findUnique({ where: { slug }, include: { categories: { orderBy: { position: "asc" } } } });
}

/** For writes that name their project (a form's hidden field, an action's argument): it exists, or not_found. */
export async function requireProjectBySlug(slug: string) {
  const project = await getProjectBySlug(slug);
  if (!project) throw new AppError("not_found", `No project with the slug "${slug}".`);
  return project;
}
