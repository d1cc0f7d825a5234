import { effortText } from "@/lib/exports/format-effort";
import type { ReadinessReportData } from "@/lib/exports/get-readiness-report-data";
import { cellCode, codeSpan, inline, line } from "@/lib/exports/markdown-text";
import { extractMeasures } from "@/lib/reports/extract-measures";
import { sprintName } from "@/lib/reports/extract-sprints";
import { readBlocks } from "@/lib/reports/markdown-tree";
import { isSprintHeading } from "@/lib/reports/section-context";

// The roadmap, one section per sprint, in shapes the report importer reads back to the same
// sprint names and item titles, statuses and efforts. Pure.
//
// A checklist item's whole text is its title, so "- [ ] Revoke the token (15 menit) CRIT-01"
// would come back as a new item titled with the effort and the ref. A sprint whose name reads as
// a sprint heading is therefore written as a plan table (item, effort, findings, files in their
// own columns), the importer's other shape for a sprint. A sprint whose name does not (a
// report's checklist group, or one made in the app) cannot be prefixed "Sprint 3 —" without
// renaming it; it is written as a checklist under its own name, which the importer reads as a
// group of that name: its items keep their effort where their title states it, and their files
// where their title names them.

type Sprint = ReadinessReportData["sprints"][number];
type Item = Sprint["items"][number];

const statusCell: Record<Item["status"], string> = { done: "[x] done", doing: "[ ] doing", todo: "[ ] todo" };
const cell = (text: string) => inline(text) || " ";

function planTable(items: Item[]): string {
  const rows = items.map((i) =>
    [statusCell[i.status], cell(i.title), cell(effortText(i) ?? ""), cell(i.refs.join(", ")), i.files.map(cellCode).join(", ") || " "],
  );
  return [["Status", "Item", "Effort", "Findings", "Files"], ["---", "---", "---", "---", "---"], ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** A checklist item's title, with the files it names in code spans: the importer reads files from those. */
function titleWithFiles(title: string, files: string[]): string {
  const named = files.map((file) => ({ file, at: title.indexOf(file) })).filter((f) => f.at >= 0).sort((a, b) => a.at - b.at);
  let written = "";
  let from = 0;
  for (const { file, at } of named) {
    if (at < from) continue;
    // Only the text before the first code span starts the line.
    written += (from === 0 ? line : inline)(title.slice(from, at)) + codeSpan(file);
    from = at + file.length;
  }
  return written + (from === 0 ? line : inline)(title.slice(from));
}

const checklist = (items: Item[]) => items.map((i) => `- [${i.status === "done" ? "x" : " "}] ${titleWithFiles(i.title, i.files)}`).join("\n");

/** "Sprint 1 — Immediate (< 1 minggu)": the name, and the window in parentheses as reports write it. */
function headingOf(sprint: Sprint): { text: string; plan: boolean } {
  const text = sprint.window ? `${sprint.name} (${sprint.window})` : sprint.name;
  const read = sprintName(text);
  return { text, plan: isSprintHeading(text) && read.name === sprint.name && read.window === sprint.window };
}

// A goal that states a target ("coverage ≥ 80 %") would be proposed as a gate criterion on
// import; the gate section states the project's own, so such a goal is left out.
function goalLine(goal: string | null): string | null {
  if (!goal?.trim()) return null;
  const text = `Goal: ${inline(goal)}`;
  const measures = extractMeasures(readBlocks(text));
  return measures.gateCriteria.length || measures.metrics.length ? null : text;
}

function sprintSection(sprint: Sprint): string {
  const heading = headingOf(sprint);
  const blocks = [`## ${inline(heading.text)}`];
  const goal = goalLine(sprint.goal);
  if (goal) blocks.push(goal);
  if (sprint.closedAt) blocks.push(`Closed on ${sprint.closedAt.toISOString().slice(0, 10)}.`);
  if (!sprint.items.length) blocks.push("No items yet.");
  else blocks.push(heading.plan ? planTable(sprint.items) : checklist(sprint.items));
  return blocks.join("\n\n");
}

export const roadmapSections = (sprints: Sprint[]) => sprints.map(sprintSection);

/** Items in no sprint, under an appendix heading the importer skips: it would make them a sprint. */
export function backlogSection(items: Item[]): string | null {
  if (!items.length) return null;
  const list = items.map((i) => {
    const effort = effortText(i);
    return `- ${line(i.title)}${i.status === "done" ? " (done)" : ""}${effort ? ` — ${inline(effort)}` : ""}`;
  });
  return ["## Appendix: backlog", "Roadmap items not planned into a sprint.", list.join("\n")].join("\n\n");
}
