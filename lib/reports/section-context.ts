import type { SectionHeading } from "@/lib/reports/markdown-tree";
import type { ReportFinding, ReportSeverity } from "@/lib/reports/schema";
import { categoryFromText, isStrengthHeading, isSummaryHeading, severityFromText } from "@/lib/reports/vocabulary";

// What the headings above a block say about it. The document's title heading says nothing:
// "Security Audit of X" must not make every finding a security one.

export type Path = SectionHeading[];

const sprintWords =
  /\b(sprint|phase|fase|tahap|iteration|iterasi|milestone|week|weeks|minggu|pekan|session|sesi)\s*[#\d]|\b(next actions?|action items?|immediate actions?|rencana aksi|langkah selanjutnya|tindak lanjut|quick wins?|hotfix|this week|next week|month end)\b/i;

export const isSprintHeading = (text: string) => sprintWords.test(text);

export const inSummary = (path: Path) => path.some((h) => isSummaryHeading(h.text));
export const inStrengths = (path: Path) => path.some((h) => isStrengthHeading(h.text));

/** The outermost sprint-like heading: weeks inside a phase belong to the phase. */
export const sprintHeading = (path: Path) => path.find((h) => isSprintHeading(h.text)) ?? null;

/** The nearest heading that states a severity ("Temuan Kritis", "(… - CRITICAL)"). */
export function sectionSeverity(path: Path): ReportSeverity | null {
  for (const heading of [...path].reverse()) {
    const severity = severityFromText(heading.text);
    if (severity) return severity;
  }
  return null;
}

/** The outermost heading that names a category: "2.5 Compliance" over its "Audit & Documentation Gaps". */
export function sectionCategory(path: Path): string | null {
  for (const heading of path) {
    const category = categoryFromText(heading.text);
    if (category) return category;
  }
  return null;
}

const inconsistencyWords = /inkonsisten|inconsisten|mismatch|drift|tidak konsisten/i;
const missingWords = /\bmissing\b|hilang|belum ada|tidak ada|not implemented|absent/i;

export function kindFromText(text: string): ReportFinding["kind"] | null {
  if (inconsistencyWords.test(text)) return "inconsistency";
  if (missingWords.test(text)) return "missing";
  return null;
}

export function sectionKind(path: Path): ReportFinding["kind"] {
  for (const heading of [...path].reverse()) {
    const kind = kindFromText(heading.text);
    if (kind) return kind;
  }
  return "gap";
}
