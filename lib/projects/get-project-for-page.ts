import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getProjectBySlug } from "@/lib/projects/find-projects";

/** The project a page's slug names, or the 404 page; cached per request for layout + page. */
export const getProjectForPage = cache(async (slug: string) => {
  const project = await getProjectBySlug(slug);
  if (!project) notFound();
  return project;
});
