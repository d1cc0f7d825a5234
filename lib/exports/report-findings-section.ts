import type { ReadinessReportData } from "@/lib/exports/get-readiness-report-data";
import { cellCode, codeSpan, inline, paragraphs } from "@/lib/exports/markdown-text";
import { severities } from "@/lib/maturity/score";
import { defaultCategories } from "@/lib/projects/default-categories";
import { leadingRef, refSeverityWord } from "@/lib/reports/finding-ref";
import { categoryFromText, severityFromText } from "@/lib/reports/vocabulary";

// The open findings, written in the shapes the report importer reads back (docs/report-import.md):
// "## <category>" → "### <kind group>" → "#### CRIT-01: <title>" with **Severity**, **File**,
// the description and **Recommendation**. Pure.

type Finding = ReadinessReportData["findings"][number];
type Category = ReadinessReportData["categories"][number];

// The importer takes a finding's kind from the nearest section naming one ("missing",
// "inconsistency"), else "gap"; a finding without a ref is only read under a section that reads
// as a findings section ("gaps", "issues"). Kinds the importer does not know (vulnerability,
// secret, …) can only be read back as gaps, so they stand with the gaps.
const kindGroups: { heading: string; takes: (kind: Finding["kind"]) => boolean }[] = [
  { heading: "Gaps", takes: (kind) => kind !== "missing" && kind !== "inconsistency" },
  { heading: "Missing-component gaps", takes: (kind) => kind === "missing" },
  { heading: "Inconsistency issues", takes: (kind) => kind === "inconsistency" },
];

const defaultNames = new Map(defaultCategories.map((c) => [c.key, c.name]));
const maxLocations = 50; // what the importer accepts per finding
const locations = (f: Finding) => f.locations.slice(0, maxLocations).map((l) => (l.line ? `${l.file}:${l.line}` : l.file));
const inferredMedium = (f: Finding) => f.severityInferred && f.severity === "medium";

/**
 * A heading the importer maps back to the category's key: the category's own name when it does,
 * else with (or as) the default name of its key. A category of the project's own making keeps its
 * name: the importer knows only the 15 default keys, so its findings cannot be read back into it.
 */
function categoryHeading(category: Category | null): string {
  if (!category) return "Findings without a category";
  const fallback = defaultNames.get(category.key);
  const candidates = fallback ? [category.name, `${category.name} (${fallback})`, fallback] : [category.name];
  return candidates.find((c) => categoryFromText(c) === category.key) ?? category.name;
}

const byRef = (a: string | null, b: string | null) => (a && b ? a.localeCompare(b, "en", { numeric: true }) : a ? -1 : b ? 1 : 0);
const rank = (f: Finding) => severities.indexOf(f.severity);
const order = (a: Finding, b: Finding) => rank(a) - rank(b) || byRef(a.ref, b.ref) || a.title.localeCompare(b.title);

/** A ref the importer reads as the finding's id; scanner rule ids such as "B105" are not. */
const readsAsRef = (ref: string | null): ref is string => !!ref && leadingRef(`${ref}: x`)?.ref === ref && !/^(?:PASS|OK)-/.test(ref);

/**
 * The importer sets an unstated severity to medium and marks it inferred; stating "medium" would
 * clear that mark on a re-import. So an inferred medium is left unstated, unless the ref, the
 * title or a section heading would state another severity in its place.
 */
function statesSeverity(f: Finding, sections: string[]): boolean {
  if (!inferredMedium(f)) return true;
  return !!(f.ref && refSeverityWord(f.ref)) || !!severityFromText(f.title) || sections.some((s) => severityFromText(s));
}

function recommendation(text: string): string {
  // After the label a paragraph reads as one line, blanks collapsed; longer text follows it.
  if (text === text.replace(/\s+/g, " ").trim()) return `**Recommendation**: ${inline(text)}`;
  return `**Recommendation**:\n\n${paragraphs(text)}`;
}

function findingBlock(f: Finding, number: number, sections: string[]): string {
  const heading = readsAsRef(f.ref) ? `${f.ref}: ${inline(f.title)}` : `${number}. ${inline(f.title)}`;
  const blocks = [`#### ${heading}`];
  if (statesSeverity(f, sections)) blocks.push(`**Severity**: ${f.severity}`);
  const files = locations(f);
  if (files.length) blocks.push(`**File**: ${files.map(codeSpan).join(", ")}`);
  if (f.description) blocks.push(paragraphs(f.description));
  if (f.recommendation) blocks.push(recommendation(f.recommendation));
  return blocks.join("\n\n");
}

// Without a category section, a finding heading takes its category from the title or else the
// description, and a description often names one ("HIGH security risk"); a table row takes it
// from the title only. So findings without a category go in tables where a row can carry them:
// a one-line description and recommendation, and a ref or a stated severity (a table without
// refs is read only when its rows state severities).
const oneLine = (text: string | null) => !text || text === text.replace(/\s+/g, " ").trim();
const tableHeader = "| Ref | Title | Severity | File | Details | Recommendation |\n| --- | --- | --- | --- | --- | --- |";
const cell = (text: string | null) => (text ? inline(text) : " ");

function tableRow(f: Finding): string {
  const files = locations(f).map(cellCode).join(", ") || " ";
  return `| ${[cell(f.ref), cell(f.title), cell(inferredMedium(f) ? null : f.severity), files, cell(f.description), cell(f.recommendation)].join(" | ")} |`;
}

function groupBlocks(group: string, findings: Finding[], sectionHeading: string, tabulate: boolean): string[] {
  const sections = [group, sectionHeading];
  const fits = (f: Finding) => tabulate && oneLine(f.description) && oneLine(f.recommendation);
  const withRefs = findings.filter((f) => fits(f) && readsAsRef(f.ref));
  const rated = findings.filter((f) => fits(f) && !readsAsRef(f.ref) && !inferredMedium(f));
  const headed = findings.filter((f) => !withRefs.includes(f) && !rated.includes(f));
  // Tables first: a table under a finding's heading would be read as part of its description.
  const tables = [withRefs, rated].filter((rows) => rows.length).map((rows) => `${tableHeader}\n${rows.map(tableRow).join("\n")}`);
  let unnumbered = 0;
  return [`### ${group}`, ...tables, ...headed.map((f) => findingBlock(f, readsAsRef(f.ref) ? 0 : ++unnumbered, sections))];
}

function categorySection(heading: string, findings: Finding[], tabulate = false): string {
  const blocks = [`## ${inline(heading)}`];
  for (const group of kindGroups) {
    const inGroup = findings.filter((f) => group.takes(f.kind)).sort(order);
    if (inGroup.length) blocks.push(...groupBlocks(group.heading, inGroup, heading, tabulate));
  }
  return blocks.join("\n\n");
}

/** One section per category in the project's order, findings without a (known) category last. */
export function findingsSections(data: Pick<ReadinessReportData, "findings" | "categories">): string[] {
  const known = new Set(data.categories.map((c) => c.key));
  const sections = data.categories.flatMap((category) => {
    const findings = data.findings.filter((f) => f.category === category.key);
    return findings.length ? [categorySection(categoryHeading(category), findings)] : [];
  });
  const rest = data.findings.filter((f) => !f.category || !known.has(f.category));
  if (rest.length) sections.push(categorySection(categoryHeading(null), rest, true));
  return sections;
}
