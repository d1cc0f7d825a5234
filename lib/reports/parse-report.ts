import { extractCategories } from "@/lib/reports/extract-categories";
import { extractFindings } from "@/lib/reports/extract-findings";
import { extractMeasures } from "@/lib/reports/extract-measures";
import { extractSprints } from "@/lib/reports/extract-sprints";
import { extractStrengths } from "@/lib/reports/extract-strengths";
import { headingText, readBlocks, type Block } from "@/lib/reports/markdown-tree";
import { repairMojibake } from "@/lib/reports/repair-mojibake";
import type { ParsedReport, ReportWarning } from "@/lib/reports/schema";

// Markdown readiness report in, normalized result out. Pure: no database, no clock, no I/O.

/** A single H1 is the document's title: it names the report, not a section of it. */
function splitTitle(blocks: Block[]): { title: string | null; blocks: Block[] } {
  const headings = blocks.filter((b) => b.node.type === "heading");
  const first = headings[0];
  if (!first || first.node.type !== "heading") return { title: null, blocks };
  const title = headingText(first.node).replace(/[\p{Extended_Pictographic}\uFE0F]/gu, "").trim() || null;
  // Headings from a fenced Markdown block sit under a section, so they never count here.
  const topLevelH1s = headings.filter((b) => b.node.type === "heading" && b.node.depth === 1 && b.path.length === 0);
  const onlyH1 = first.node.depth === 1 && topLevelH1s.length === 1;
  if (!onlyH1) return { title, blocks };
  return { title, blocks: blocks.map((b) => ({ ...b, path: b.path.filter((h) => h.node !== first.node) })) };
}

export function parseReport(text: string): ParsedReport {
  const warnings: ReportWarning[] = [];
  // Windows files and browser form fields (which submit CRLF) must read like any other.
  const repaired = repairMojibake(text.replace(/\r\n?/g, "\n"));
  if (repaired.repaired) {
    warnings.push({ code: "mis_encoded", count: 1, message: "The text was mis-encoded (UTF-8 read as Windows-1252); it was repaired before reading." });
  }
  const { title, blocks } = splitTitle(readBlocks(repaired.text));
  const findings = extractFindings(blocks);
  const inferred = findings.filter((f) => f.severityInferred).length;
  if (inferred) {
    warnings.push({ code: "severity_inferred", count: inferred, message: `${inferred} finding(s) state no severity; they were set to medium. Check them in the preview.` });
  }
  const uncategorised = findings.filter((f) => !f.category).length;
  if (uncategorised) warnings.push({ code: "no_category", count: uncategorised, message: `${uncategorised} finding(s) match no category.` });
  const { gateCriteria, metrics } = extractMeasures(blocks);
  return {
    kind: "report",
    title: title?.slice(0, 300) ?? null,
    findings,
    strengths: extractStrengths(blocks),
    sprints: extractSprints(blocks),
    categories: extractCategories(blocks),
    gateCriteria,
    metrics,
    warnings,
  };
}
