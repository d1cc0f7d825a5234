import "server-only";
import { inChunks, tally, type ImportStep, type MissingRow } from "@/lib/reports/import-step";
import type { Strength } from "@/lib/reports/schema";

/** Strengths matched by key (the normalized title): new ones created, a changed detail updated. */
export async function importStrengths({ tx, projectId }: ImportStep, parsed: Strength[], keys: string[]) {
  const known = await tx.strength.findMany({ where: { projectId, sourceKey: { not: null } }, select: { id: true, sourceKey: true, title: true, detail: true } });
  const byKey = new Map(known.map((s) => [s.sourceKey!, s]));
  const fresh = [];
  let updated = 0;
  for (const [i, s] of parsed.entries()) {
    const before = byKey.get(keys[i]!);
    if (!before) fresh.push({ projectId, title: s.title, detail: s.detail, source: "report", sourceKey: keys[i]! });
    else if (s.detail && s.detail !== before.detail) {
      await tx.strength.update({ where: { id: before.id }, data: { detail: s.detail } });
      updated++;
    }
  }
  for (const chunk of inChunks(fresh)) await tx.strength.createMany({ data: chunk });
  const imported = new Set(keys);
  const missing: MissingRow[] = known
    .filter((s) => !imported.has(s.sourceKey!))
    .map((s) => ({ type: "strength", id: s.id, ref: null, title: s.title }));
  return { counts: tally(fresh.length, updated, parsed.length), missing };
}
