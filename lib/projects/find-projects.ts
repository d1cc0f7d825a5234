import "server-only";
import { getDb } from "@/lib/db";

/** Slug and name of every project, for the sidebar. */
export function findProjectLinks() {
  return getDb().project.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}

export function getProjectBySlug(slug: string) {
  return getDb().project.findUnique({ where: { slug }, include: { categories: { orderBy: { position: "asc" } } } });
}
