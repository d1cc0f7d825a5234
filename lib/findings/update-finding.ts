import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { checkReferences } from "@/lib/findings/create-finding";
import { updateFindingSchema } from "@/lib/findings/schema";
import { parseInput } from "@/lib/validation";

const tracked = ["title", "ref", "description", "recommendation", "severity", "kind", "categoryId", "assigneeId"] as const;

/** Edits a finding; every changed field becomes an event with its old and new value. */
export async function updateFinding(actor: Actor, projectId: string, findingId: string, input: Record<string, unknown>) {
  const { file, line, ...data } = parseInput(updateFindingSchema, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.finding.findFirst({ where: { id: findingId, projectId }, include: { locations: true } });
    if (!before) throw new AppError("not_found", "That finding does not exist in this project.");
    await checkReferences(tx, projectId, data);
    const next = { ...data, ref: data.ref ?? null, recommendation: data.recommendation ?? null, categoryId: data.categoryId ?? null, assigneeId: data.assigneeId ?? null };
    const events: { actorId: string | null; field: string; fromValue: string | null; toValue: string | null }[] = tracked
      .filter((field) => (before[field] ?? null) !== (next[field] ?? null))
      .map((field) => ({ actorId: actor.id, field, fromValue: before[field] ?? null, toValue: next[field] ?? null }));
    const oldLocation = before.locations[0];
    const locationChanged = (oldLocation?.file ?? undefined) !== file || (oldLocation?.line ?? undefined) !== line;
    if (locationChanged) {
      const show = (f?: string, l?: number | null) => (f ? (l ? `${f}:${l}` : f) : null);
      events.push({ actorId: actor.id, field: "location", fromValue: show(oldLocation?.file, oldLocation?.line), toValue: show(file, line) });
    }
    const finding = await tx.finding.update({
      where: { id: before.id },
      data: {
        ...next,
        events: { create: events },
        ...(locationChanged ? { locations: { deleteMany: {}, create: file ? [{ file, line }] : [] } } : {}),
      },
    });
    if (events.length) {
      await recordAudit(tx, actor, { action: "finding.update", targetType: "finding", targetId: finding.id, projectId, detail: { fields: events.map((e) => e.field) } });
    }
    return finding;
  });
}
