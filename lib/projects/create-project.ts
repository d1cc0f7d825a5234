import "server-only";
import { getDb } from "@/lib/db";
import { asAppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { defaultCategories } from "@/lib/projects/default-categories";
import { createProjectSchema, type CreateProjectInput } from "@/lib/projects/schema";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";
import { parseInput } from "@/lib/validation";

/** Creates a project with the 15 default categories, in one transaction. */
export async function createProject(actor: Actor, input: CreateProjectInput | Record<string, string>) {
  const data = parseInput(createProjectSchema, input);
  let created;
  try {
    created = await getDb().$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          ...data,
          categories: { create: defaultCategories.map((c, position) => ({ ...c, position })) },
        },
      });
      await recordAudit(tx, actor, { action: "project.create", targetType: "project", targetId: project.id, projectId: project.id });
      return project;
    });
  } catch (error) {
    throw asAppError(error, `A project with the slug "${data.slug}" already exists.`);
  }
  // Day one of its trend: nothing filed yet.
  await noteReadinessChange(created.id);
  return created;
}
