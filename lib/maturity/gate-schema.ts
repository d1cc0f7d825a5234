import { z } from "zod";
import { gateCriterionKeys, type GateCriterionKey } from "@/lib/maturity/gate";

// A project's gate as a lead edits it: each known criterion with its threshold, on or off. The
// settings form, PUT /api/v1/projects/{slug}/gate and the tests read this one schema.

const bounds: Record<GateCriterionKey, { min: number; max: number; integer: boolean }> = {
  max_open_critical: { min: 0, max: 100_000, integer: true },
  max_open_high: { min: 0, max: 100_000, integer: true },
  min_line_coverage: { min: 0, max: 100, integer: false },
  max_p95_ms: { min: 1, max: 600_000, integer: false },
  max_error_rate: { min: 0, max: 1, integer: false },
  all_tests_pass: { min: 1, max: 1, integer: true },
  max_scan_age_days: { min: 1, max: 3650, integer: true },
};

const criterionSchema = z
  .object({
    key: z.enum(gateCriterionKeys, { error: `One of ${gateCriterionKeys.join(", ")}.` }),
    threshold: z.coerce.number({ error: "A number." }),
    enabled: z.union([z.boolean(), z.enum(["true", "false", "on"])]).transform((v) => v === true || v === "true" || v === "on"),
  })
  .superRefine((c, ctx) => {
    const b = bounds[c.key];
    if (c.threshold < b.min || c.threshold > b.max) ctx.addIssue({ code: "custom", path: ["threshold"], message: `Between ${b.min} and ${b.max}.` });
    else if (b.integer && !Number.isInteger(c.threshold)) ctx.addIssue({ code: "custom", path: ["threshold"], message: "A whole number." });
  });

export const setGateCriteriaSchema = z.object({
  criteria: z.array(criterionSchema).max(gateCriterionKeys.length).refine((list) => new Set(list.map((c) => c.key)).size === list.length, "Each criterion once."),
});

export type SetGateCriteriaInput = z.input<typeof setGateCriteriaSchema>;
