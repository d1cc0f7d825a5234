import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { checkFindingReferences } from "@/lib/findings/check-finding-references";
import { updateFindingSchema } from "@/lib/findings/schema";
import { parseInput } from "@/lib/validation";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";

const plainFields = ["title", "ref", "description", "recommendation", "severity", "kind"] as const;

const showLocation = (location?: { file: string; line: number | null } | null) =>
  location ? (location.line ? `${location.file}:${location.line}` : location.file) : null;

/**
 * Edits the fields the input names. Every changed field becomes an event with its old and new
 * value, written as people read it (category name, assignee email, "file:line").
 */
export async function updateFinding(actor: Actor, projectId: string, findingId: string, input: unknown) {
  const { file, line, categoryId, assigneeId, ...fields } = parseInput(updateFindingSchema, input);
  const result = await getDb().$transaction(async (tx) => {
    const before = await tx.finding.findFirst({
      where: { id: findingId, projectId },
      include: {
        locations: { orderBy: { id: "asc" }, take: 1 },
        category: { select: { name: true } },
        assignee: { select: { email: true } },
      },
    });
    if (!before) throw new AppError("not_found", "That finding does not exist in this project.");
    const { category, assignee } = await checkFindingReferences(tx, projectId, { categoryId, assigneeId });

    const data: Prisma.FindingUncheckedUpdateInput = {};
    const events: Prisma.FindingEventCreateManyFindingInput[] = [];
    const record = (field: string, fromValue: string | null, toValue: string | null) =>
      events.push({ actorId: actor.id, field, fromValue, toValue });

    for (const field of plainFields) {
      const next = fields[field];
      if (next === undefined || next === before[field]) continue;
      Object.assign(data, { [field]: next });
      record(field, before[field], next);
    }
    // A person's severity stands: later imports and scans do not change it.
    if (data.severity !== undefined) data.severityPinned = true;
    if (categoryId !== undefined && categoryId !== before.categoryId) {
      data.categoryId = categoryId;
      record("category", before.category?.name ?? null, category?.name ?? null);
    }
    if (assigneeId !== undefined && assigneeId !== before.assigneeId) {
      data.assigneeId = assigneeId;
      record("assignee", before.assignee?.email ?? null, assignee?.email ?? null);
    }

    // The form edits one location; a scan may have recorded more, which stay untouched.
    const oldLocation = before.locations[0];
    const newLocation = file ? { file, line: line ?? null } : null;
    if ((file !== undefined || line !== undefined) && showLocation(oldLocation) !== showLocation(newLocation)) {
      data.locations = !newLocation
        ? { delete: { id: oldLocation!.id } }
        : oldLocation
          ? { update: { where: { id: oldLocation.id }, data: newLocation } }
          : { create: newLocation };
      record("location", showLocation(oldLocation), showLocation(newLocation));
    }

    if (events.length === 0) return before;
    data.events = { createMany: { data: events } };
    const finding = await tx.finding.update({ where: { id: before.id }, data });
    await recordAudit(tx, actor, {
      action: "finding.update",
      targetType: "finding",
      targetId: finding.id,
      projectId,
      detail: { fields: events.map((e) => e.field) },
    });
    return finding;
  });
  await noteReadinessChange(projectId);
  return result;
}
