import { z } from "zod";

// The normalized result of reading a Markdown readiness report. The parser produces it; the
// import preview lets a lead edit it; the import use case, the API and the CLI accept it back.
// One schema for all of them, so an edited preview is checked exactly like a fresh parse.

export const reportSeverities = ["critical", "high", "medium", "low", "info"] as const;
export const reportFindingKinds = ["gap", "missing", "inconsistency"] as const;
export const gateCriterionKeys = [
  "max_open_critical",
  "max_open_high",
  "min_line_coverage",
  "max_p95_ms",
  "max_error_rate",
  "all_tests_pass",
  "max_scan_age_days",
] as const;

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const effortSchema = z
  .object({
    /** As the report wrote it: "3-5 hari", "~6 jam", "< 1 week". */
    text: text(100).min(1),
    minutes: z.number().int().nonnegative(),
    /** The upper bound of a range ("3-5 days"); null when the effort is one figure. */
    minutesHigh: z.number().int().nonnegative().nullable(),
  })
  .refine((e) => e.minutesHigh === null || e.minutesHigh >= e.minutes, { message: "The high bound is below the low one." });

export const reportFindingSchema = z.object({
  /** The report's own id: "CRIT-01", "INC-05", "M-12"; null when it gives none. */
  ref: text(40).min(1).nullable(),
  title: text(300).min(1, "Give the finding a title."),
  severity: z.enum(reportSeverities, { error: "Choose a severity." }),
  /** True when the report did not state a severity and the parser fell back to a default. */
  severityInferred: z.boolean(),
  kind: z.enum(reportFindingKinds, { error: "Choose a kind." }),
  /** A category key of the project ("security", "performance", …); null when none matched. */
  category: text(60).min(1).nullable(),
  locations: z.array(z.object({ file: text(1000).min(1), line: z.number().int().positive().nullable() })).max(50),
  description: text(20_000),
  recommendation: text(20_000).nullable(),
});

export const strengthSchema = z.object({ title: text(300).min(1), detail: text(5_000) });

export const roadmapItemSchema = z.object({
  title: text(500).min(1, "Give the item a title."),
  status: z.enum(["todo", "done"]),
  effort: effortSchema.nullable(),
  /** Finding refs the item names, so the import can link them. */
  refs: z.array(text(40).min(1)).max(50),
  files: z.array(text(1000).min(1)).max(50),
});

export const sprintSchema = z.object({
  name: text(200).min(1),
  /** The time box as written: "< 1 minggu", "Weeks 1-4"; null when none is given. */
  window: text(100).nullable(),
  items: z.array(roadmapItemSchema).max(2_000),
});

export const categoryWeightSchema = z.object({
  key: text(60).min(1),
  name: text(100).min(1),
  weight: z.number().min(0).max(10),
  criticality: z.enum(["critical", "high", "medium", "low"]).nullable(),
});

export const gateCriterionSchema = z.object({
  key: z.enum(gateCriterionKeys),
  threshold: z.number(),
  /** The sentence it came from, for the preview. */
  label: text(300),
});

export const metricSchema = z.object({
  /** "tests.passed", "tests.failed", "coverage.line", "latency.p95_ms", "http.error_rate". */
  key: text(60).min(1),
  value: z.number(),
  unit: text(20).nullable(),
  label: text(300),
});

export const reportWarningCodes = ["mis_encoded", "severity_inferred", "no_category"] as const;

/** What the importer noticed: a code and count for the UI's catalog, a message for CLI and API. */
const reportWarningSchema = z.object({
  code: z.enum(reportWarningCodes),
  count: z.number().int().min(0),
  message: text(300),
});

export const parsedReportSchema = z.object({
  kind: z.literal("report"),
  title: text(300).nullable(),
  findings: z.array(reportFindingSchema).max(20_000),
  strengths: z.array(strengthSchema).max(2_000),
  sprints: z.array(sprintSchema).max(200),
  categories: z.array(categoryWeightSchema).max(100),
  gateCriteria: z.array(gateCriterionSchema).max(20),
  metrics: z.array(metricSchema).max(200),
  warnings: z.array(reportWarningSchema).max(20),
});

export type Effort = z.infer<typeof effortSchema>;
export type ReportFinding = z.infer<typeof reportFindingSchema>;
export type ReportSeverity = ReportFinding["severity"];
export type Strength = z.infer<typeof strengthSchema>;
export type ParsedRoadmapItem = z.infer<typeof roadmapItemSchema>;
export type ParsedSprint = z.infer<typeof sprintSchema>;
export type CategoryWeight = z.infer<typeof categoryWeightSchema>;
export type ParsedGateCriterion = z.infer<typeof gateCriterionSchema>;
export type ParsedMetric = z.infer<typeof metricSchema>;
export type ReportWarning = z.infer<typeof reportWarningSchema>;
export type ParsedReport = z.infer<typeof parsedReportSchema>;
