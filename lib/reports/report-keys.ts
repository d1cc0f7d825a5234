import type { ParsedReport } from "@/lib/reports/schema";

// Stable keys that let a re-import of a report find the rows an earlier import created, however
// the text was re-spaced or re-cased. Pure.

/** Lower-case, one space between words, no spaces at the ends. */
export const normalizeKey = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Keys in the order given, made unique: the second "x" becomes "x #2". A report that lists two
 * items with the same title keeps both, and the same report imported again matches each to itself.
 */
export function numberRepeats(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key} #${n}`;
  });
}

/** The fingerprint of each finding: "report:" + its ref, or its title when it has none. */
export const findingFingerprints = (report: Pick<ParsedReport, "findings">) =>
  numberRepeats(report.findings.map((f) => `report:${normalizeKey(f.ref ?? f.title)}`));

export const strengthKeys = (report: Pick<ParsedReport, "strengths">) => numberRepeats(report.strengths.map((s) => normalizeKey(s.title)));

export const sprintKeys = (report: Pick<ParsedReport, "sprints">) => numberRepeats(report.sprints.map((s) => normalizeKey(s.name)));

/**
 * Item keys per sprint: the report's sprint and the title. The item keeps its key when a person
 * moves it to another sprint, so a re-import still finds it there.
 */
export function itemKeys(report: Pick<ParsedReport, "sprints">): string[][] {
  const sprints = sprintKeys(report);
  const flat = numberRepeats(report.sprints.flatMap((s, i) => s.items.map((item) => `${sprints[i]} :: ${normalizeKey(item.title)}`)));
  let next = 0;
  return report.sprints.map((s) => s.items.map(() => flat[next++]!));
}
