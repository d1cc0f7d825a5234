import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";

type References = { categoryId?: string | null; assigneeId?: string | null };

/**
 * Loads the category and assignee a finding input names. The category must belong to the
 * finding's project (an id from another project is refused like a wrong one) and the assignee
 * must be an active user. No id gives null.
 */
export async function checkFindingReferences(tx: Tx, projectId: string, { categoryId, assigneeId }: References) {
  // One after the other: a transaction runs on one connection.
  const category = categoryId ? await tx.category.findFirst({ where: { id: categoryId, projectId }, select: { id: true, name: true } }) : null;
  const assignee = assigneeId ? await tx.user.findFirst({ where: { id: assigneeId, disabledAt: null }, select: { id: true, email: true } }) : null;
  const fieldErrors: FieldErrors = {};
  if (categoryId && !category) fieldErrors.categoryId = ["Choose a category of this project."];
  if (assigneeId && !assignee) fieldErrors.assigneeId = ["Choose an active user."];
  if (Object.keys(fieldErrors).length) throw new AppError("invalid", "Some fields need attention.", fieldErrors);
  return { category, assignee };
}
