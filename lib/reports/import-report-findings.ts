import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { IMPORT_NOTE, inChunks, tally, type ImportStep, type MissingRow } from "@/lib/reports/import-step";
import type { ReportFinding } from "@/lib/reports/schema";

type Location = { file: string; line: number | null };
type Categories = Map<string, { id: string; name: string }>;

const showLocations = (locations: Location[]) => locations.map((l) => (l.line ? `${l.file}:${l.line}` : l.file)).join(", ") || null;

/**
 * Findings matched by fingerprint. A new one is created open; an existing one takes what the
 * report owns (title, description, recommendation, locations, category, severity), one event per
 * changed field, but keeps a severity a person set and everything people do in the app (status,
 * assignee, risk acceptance). A value the report does not state never clears one the row has.
 */
export async function importFindings(step: ImportStep, parsed: ReportFinding[], fingerprints: string[], categories: Categories) {
  const { tx, actor, projectId, now } = step;
  const existing = [];
  for (const chunk of inChunks(fingerprints, 5000)) {
    existing.push(
      ...(await tx.finding.findMany({
        where: { projectId, fingerprint: { in: chunk } },
        select: {
          id: true, fingerprint: true, title: true, description: true, recommendation: true, severity: true, severityInferred: true, severityPinned: true,
          categoryId: true, category: { select: { name: true } }, locations: { select: { file: true, line: true }, orderBy: { id: "asc" } },
        },
      })),
    );
  }
  const byFingerprint = new Map(existing.map((f) => [f.fingerprint, f]));

  const fresh: Prisma.FindingCreateManyInput[] = [];
  const freshLocations = new Map<string, Location[]>();
  const relocated: { findingId: string; locations: Location[] }[] = [];
  let updated = 0;
  for (const [i, f] of parsed.entries()) {
    const category = f.category ? categories.get(f.category) : undefined;
    const before = byFingerprint.get(fingerprints[i]!);
    if (!before) {
      const { ref, title, description, recommendation, severity, severityInferred, kind } = f;
      fresh.push({
        projectId, ref, title, description, recommendation, severity, severityInferred, kind, categoryId: category?.id ?? null,
        source: "report", fingerprint: fingerprints[i]!, firstSeenAt: now, lastSeenAt: now,
      });
      freshLocations.set(fingerprints[i]!, f.locations);
      continue;
    }
    const data: Prisma.FindingUncheckedUpdateInput = {};
    const events: Prisma.FindingEventCreateManyFindingInput[] = [];
    const change = (field: string, fromValue: string | null, toValue: string | null) => events.push({ actorId: actor.id, field, fromValue, toValue, note: IMPORT_NOTE });
    for (const field of ["title", "description", "recommendation"] as const) {
      const next = f[field];
      if (!next || next === before[field]) continue;
      data[field] = next;
      change(field, before[field], next);
    }
    if (category && category.id !== before.categoryId) {
      data.categoryId = category.id;
      change("category", before.category?.name ?? null, category.name);
    }
    if (!f.severityInferred && !before.severityPinned) {
      if (f.severity !== before.severity) {
        data.severity = f.severity;
        change("severity", before.severity, f.severity);
      }
      if (before.severityInferred) data.severityInferred = false;
    }
    const [from, to] = [showLocations(before.locations), showLocations(f.locations)];
    if (to && to !== from) {
      relocated.push({ findingId: before.id, locations: f.locations });
      change("location", from, to);
    }
    if (Object.keys(data).length === 0 && events.length === 0) continue;
    await tx.finding.update({ where: { id: before.id }, data: { ...data, events: { createMany: { data: events } } } });
    updated++;
  }

  for (const chunk of inChunks(relocated.map((r) => r.findingId))) await tx.findingLocation.deleteMany({ where: { findingId: { in: chunk } } });
  await createLocations(step, relocated);
  // Seen again: lastSeenAt only, by SQL so updatedAt keeps meaning "the content last changed".
  for (const chunk of inChunks(existing.map((f) => f.id), 5000)) {
    await tx.$executeRaw`update "Finding" set "lastSeenAt" = ${now} where "id" = any(${chunk}::text[])`;
  }
  for (const chunk of inChunks(fresh, 500)) {
    const created = await tx.finding.createManyAndReturn({ data: chunk, select: { id: true, fingerprint: true } });
    await tx.findingEvent.createMany({ data: created.map((c) => ({ findingId: c.id, actorId: actor.id, field: "created", toValue: "open", note: IMPORT_NOTE })) });
    await createLocations(step, created.map((c) => ({ findingId: c.id, locations: freshLocations.get(c.fingerprint) ?? [] })));
  }

  return { counts: tally(fresh.length, updated, parsed.length), missing: await findMissingFindings(step, new Set(fingerprints)) };
}

async function createLocations({ tx }: ImportStep, rows: { findingId: string; locations: Location[] }[]) {
  const data = rows.flatMap((r) => r.locations.map((l) => ({ findingId: r.findingId, file: l.file, line: l.line })));
  for (const chunk of inChunks(data)) await tx.findingLocation.createMany({ data: chunk });
}

/** Open report findings of the project this report does not list: the lead decides what they mean. */
async function findMissingFindings({ tx, projectId }: ImportStep, imported: Set<string>): Promise<MissingRow[]> {
  const open = await tx.finding.findMany({
    where: { projectId, source: "report", status: { in: ["open", "in_progress"] } },
    select: { id: true, ref: true, title: true, fingerprint: true },
    orderBy: { createdAt: "asc" },
  });
  return open.filter((f) => !imported.has(f.fingerprint)).map((f) => ({ type: "finding", id: f.id, ref: f.ref, title: f.title }));
}
