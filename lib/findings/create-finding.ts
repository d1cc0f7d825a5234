import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { createFindingSchema, type CreateFindingInput } from "@/lib/findings/schema";
import { parseInput } from "@/lib/validation";

/** The category or assignee a form names must exist (and the category belong to the project). */
export async function checkReferences(tx: Tx, projectId: string, data: { categoryId?: string; assigneeId?: string }) {
  if (data.categoryId && !(await tx.category.findFirst({ where: { id: data.categoryId, projectId }, select: { id: true } })))
    throw new AppError("invalid", "Some fields need attention.", { categoryId: ["Choose a category of this project."] });
  if (data.assigneeId && !(await tx.user.findFirst({ where: { id: data.assigneeId, disabledAt: null }, select: { id: true } })))
    throw new AppError("invalid", "Some fields need attention.", { assigneeId: ["Choose an active user."] });
}

/** Records a finding entered by hand, with its location and a "created" event. */
export async function createFinding(actor: Actor, projectId: string, input: CreateFindingInput | Record<string, string>) {
  const { file, line, ...data } = parseInput(createFindingSchema, input);
  return getDb().$transaction(async (tx) => {
    await checkReferences(tx, projectId, data);
    const finding = await tx.finding.create({
      data: {
        ...data,
        projectId,
        source: "manual",
        fingerprint: `manual:${randomUUID()}`,
        locations: file ? { create: [{ file, line }] } : undefined,
        events: { create: [{ actorId: actor.id, field: "created", toValue: "open" }] },
      },
    });
    await recordAudit(tx, actor, { action: "finding.create", targetType: "finding", targetId: finding.id, projectId });
    return finding;
  });
}
