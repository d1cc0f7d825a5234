import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inChunks, tally, type ImportStep, type MissingRow } from "@/lib/reports/import-step";
import type { ParsedRoadmapItem, ParsedSprint } from "@/lib/reports/schema";

const sameFiles = (a: string[], b: string[]) => a.length === b.length && a.every((file, i) => file === b[i]);

/**
 * Sprints matched by key (the normalized name), new ones after the project's others; items
 * matched by key, new ones at the end of their sprint. An existing item takes a changed title,
 * effort or file list (its version bumped) but keeps its sprint and status: people move and
 * tick items in the app. Items are linked to the project's findings whose ref they name.
 */
export async function importRoadmap(step: ImportStep, sprints: ParsedSprint[], sprintKeys: string[], itemKeys: string[][]) {
  const { tx, projectId } = step;
  const knownSprints = await tx.sprint.findMany({ where: { projectId }, select: { id: true, sourceKey: true, window: true, position: true } });
  const sprintByKey = new Map(knownSprints.filter((s) => s.sourceKey !== null).map((s) => [s.sourceKey!, s]));
  let position = Math.max(-1, ...knownSprints.map((s) => s.position));
  const freshSprints: Prisma.SprintCreateManyInput[] = [];
  let sprintsUpdated = 0;
  for (const [i, s] of sprints.entries()) {
    const before = sprintByKey.get(sprintKeys[i]!);
    if (!before) freshSprints.push({ projectId, name: s.name, window: s.window, position: ++position, sourceKey: sprintKeys[i]! });
    else if (s.window && s.window !== before.window) {
      await tx.sprint.update({ where: { id: before.id }, data: { window: s.window } });
      sprintsUpdated++;
    }
  }
  const createdSprints = freshSprints.length ? await tx.sprint.createManyAndReturn({ data: freshSprints, select: { id: true, sourceKey: true } }) : [];
  const sprintIds = new Map([...sprintByKey.values(), ...createdSprints].map((s) => [s.sourceKey!, s.id]));

  const items = sprints.flatMap((s, i) => s.items.map((item, j) => ({ item, key: itemKeys[i]![j]!, sprintId: sprintIds.get(sprintKeys[i]!)! })));
  const { added, updated, ids, missing } = await importItems(step, items);
  await linkFindings(step, items.map(({ item, key }) => ({ itemId: ids.get(key)!, refs: item.refs })));
  return { sprints: tally(createdSprints.length, sprintsUpdated, sprints.length), items: tally(added, updated, items.length), missing };
}

async function importItems({ tx, projectId, now }: ImportStep, items: { item: ParsedRoadmapItem; key: string; sprintId: string }[]) {
  const known = await tx.roadmapItem.findMany({
    where: { projectId, sourceKey: { not: null } },
    select: { id: true, sourceKey: true, title: true, effortMinutes: true, effortMinutesHigh: true, effortText: true, files: true },
  });
  const byKey = new Map(known.map((i) => [i.sourceKey!, i]));
  const last = await tx.roadmapItem.groupBy({ by: ["sprintId"], where: { projectId, sprintId: { in: [...new Set(items.map((i) => i.sprintId))] } }, _max: { position: true } });
  const lastPosition = new Map(last.map((g) => [g.sprintId, g._max.position ?? -1]));
  const fresh: Prisma.RoadmapItemCreateManyInput[] = [];
  let updated = 0;
  for (const { item, key, sprintId } of items) {
    const effort = { effortMinutes: item.effort?.minutes ?? null, effortMinutesHigh: item.effort?.minutesHigh ?? null, effortText: item.effort?.text ?? null };
    const before = byKey.get(key);
    if (!before) {
      const position = (lastPosition.get(sprintId) ?? -1) + 1;
      lastPosition.set(sprintId, position);
      const done = item.status === "done";
      fresh.push({ projectId, sprintId, title: item.title, status: item.status, doneAt: done ? now : null, position, files: item.files, sourceKey: key, ...effort });
      continue;
    }
    const data: Prisma.RoadmapItemUpdateInput = {};
    if (item.title !== before.title) data.title = item.title;
    if (item.effort && (effort.effortMinutes !== before.effortMinutes || effort.effortMinutesHigh !== before.effortMinutesHigh || effort.effortText !== before.effortText)) {
      Object.assign(data, effort);
    }
    if (item.files.length && !sameFiles(item.files, before.files)) data.files = item.files;
    if (Object.keys(data).length === 0) continue;
    await tx.roadmapItem.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } });
    updated++;
  }
  const ids = new Map(known.map((i) => [i.sourceKey!, i.id]));
  for (const chunk of inChunks(fresh, 500)) {
    for (const c of await tx.roadmapItem.createManyAndReturn({ data: chunk, select: { id: true, sourceKey: true } })) ids.set(c.sourceKey!, c.id);
  }
  const imported = new Set(items.map((i) => i.key));
  const missing: MissingRow[] = known.filter((i) => !imported.has(i.sourceKey!)).map((i) => ({ type: "item", id: i.id, ref: null, title: i.title }));
  return { added: fresh.length, updated, ids, missing };
}

/** Links each item to the project's findings with a ref it names ("CRIT-01"), whatever the case. */
async function linkFindings({ tx, projectId }: ImportStep, items: { itemId: string; refs: string[] }[]) {
  const refs = [...new Set(items.flatMap((i) => i.refs))];
  if (!refs.length) return;
  const byRef = new Map<string, string[]>();
  for (const chunk of inChunks(refs, 5000)) {
    for (const f of await tx.finding.findMany({ where: { projectId, ref: { in: chunk, mode: "insensitive" } }, select: { id: true, ref: true } })) {
      const key = f.ref!.toUpperCase();
      byRef.set(key, [...(byRef.get(key) ?? []), f.id]);
    }
  }
  const links = items.flatMap(({ itemId, refs }) => refs.flatMap((ref) => (byRef.get(ref.toUpperCase()) ?? []).map((findingId) => ({ itemId, findingId }))));
  for (const chunk of inChunks(links)) await tx.roadmapItemFinding.createMany({ data: chunk, skipDuplicates: true });
}
