import "server-only";
import { getDb } from "@/lib/db";

/** A project's strengths, oldest first (the order the report gave them). */
export function findStrengths(projectId: string) {
  return getDb().strength.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, title: true, detail: true } });
}
