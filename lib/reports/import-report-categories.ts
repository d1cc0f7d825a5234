import "server-only";
import { tally, type ImportStep } from "@/lib/reports/import-step";
import type { CategoryWeight } from "@/lib/reports/schema";

/**
 * The report's category weights: an existing category of that key takes the weight and the
 * criticality (when stated), a new key becomes a category after the project's others. Returns
 * every category of the project by key (id and name), for the findings that name one.
 */
export async function importCategories({ tx, projectId }: ImportStep, parsed: CategoryWeight[]) {
  const existing = await tx.category.findMany({ where: { projectId }, select: { id: true, key: true, name: true, weight: true, criticality: true, position: true } });
  const byKey = new Map(existing.map((c) => [c.key, c]));
  // A key stated twice: the first statement counts.
  const seen = new Set<string>();
  const stated = parsed.filter((c) => !seen.has(c.key) && seen.add(c.key));
  let position = Math.max(-1, ...existing.map((c) => c.position));
  const fresh = [];
  let updated = 0;
  for (const c of stated) {
    const before = byKey.get(c.key);
    if (!before) {
      fresh.push({ projectId, key: c.key, name: c.name, weight: c.weight, criticality: c.criticality ?? "medium", position: ++position });
      continue;
    }
    const criticality = c.criticality ?? before.criticality;
    if (before.weight === c.weight && before.criticality === criticality) continue;
    await tx.category.update({ where: { id: before.id }, data: { weight: c.weight, criticality } });
    updated++;
  }
  const created = fresh.length ? await tx.category.createManyAndReturn({ data: fresh, select: { id: true, key: true, name: true } }) : [];
  const byKeyAfter = new Map([...existing, ...created].map((c) => [c.key, { id: c.id, name: c.name }]));
  return { counts: tally(created.length, updated, stated.length), categories: byKeyAfter };
}
