import { z } from "zod";

// One schema per roadmap input, shared by the board's server actions, the JSON API and the
// tests. Forms send strings ("" for empty); JSON may send null.

const atMost = (max: number) => `At most ${max} characters.`;
const id = z.string().trim().min(1).max(60);
const optionalText = (max: number) =>
  z.preprocess((v) => (v === null || v === "" ? undefined : v), z.string().trim().max(max, atMost(max)).optional());
const clearableText = (max: number) =>
  z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(max, atMost(max)).nullable().optional());
const day = z.preprocess(
  (v) => (v === "" ? null : v),
  z.coerce.date({ error: "A date, e.g. 2026-12-31." }).nullable().optional(),
);
/** A sprint, or the backlog: null, or "" from a form. */
const sprintId = z.preprocess((v) => (v === "" ? null : v), id.nullable());
const version = z.coerce.number({ error: "Send the item's version." }).int().min(1);

const sprintName = z.string({ error: "Name the sprint." }).trim().min(1, "Name the sprint.").max(200, atMost(200));
const datesInOrder = (v: { startsOn?: Date | null; endsOn?: Date | null }) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;
const datesIssue = { path: ["endsOn"], message: "The end comes on or after the start." };

export const createSprintSchema = z
  .object({ name: sprintName, window: optionalText(100), startsOn: day, endsOn: day, goal: optionalText(2000) })
  .refine(datesInOrder, datesIssue);

export const updateSprintSchema = z
  .object({ name: sprintName.optional(), window: clearableText(100), startsOn: day, endsOn: day, goal: clearableText(2000) })
  .refine(datesInOrder, datesIssue);

export const reorderSprintsSchema = z.object({ sprintIds: z.array(id).min(1).max(500) });

/** Closing a sprint: its unfinished items go to the next open sprint, or to the backlog when there is none. */
export const closeSprintSchema = z.object({
  confirm: z.union([z.literal(true), z.literal("true")], { error: "Confirm that the unfinished items move on." }),
});

const effortText = optionalText(100);

export const createItemSchema = z.object({
  title: z.string({ error: "Give the item a title." }).trim().min(1, "Give the item a title.").max(500, atMost(500)),
  sprintId: sprintId.default(null),
  effort: effortText,
  description: optionalText(20_000),
  assigneeId: optionalText(60),
  findingIds: z.array(id).max(500).default([]),
});

export const updateItemSchema = z.object({
  version,
  title: z.string().trim().min(1, "Give the item a title.").max(500, atMost(500)).optional(),
  effort: clearableText(100),
  description: clearableText(20_000),
  assigneeId: clearableText(60),
});

/** A drag: into a sprint (null for the backlog) at a place, counted among the items already there. */
export const moveItemSchema = z.object({
  version,
  sprintId,
  index: z.coerce.number({ error: "A place in the column." }).int().min(0).max(100_000),
});

export const itemStatuses = ["todo", "doing", "done"] as const;

/**
 * Ticking an item done resolves the linked findings named in resolveFindings; reopening it
 * reopens those named in reopenFindings. Either list may be empty: people choose.
 */
export const setItemStatusSchema = z.object({
  version,
  status: z.enum(itemStatuses, { error: "To do, doing or done." }),
  resolveFindings: z.array(id).max(500).default([]),
  reopenFindings: z.array(id).max(500).default([]),
});

export const planFindingsSchema = z.object({
  sprintId,
  findingIds: z.array(id).min(1, "Choose at least one finding.").max(500),
});

export const autoPlanSchema = z.object({
  capacityHours: z.coerce.number({ error: "Hours per sprint." }).positive("More than 0 hours.").max(10_000),
  sprintCount: z.coerce.number({ error: "How many sprints." }).int().min(1).max(20).default(4),
});

/** The proposal a lead applies, after changing it: sprints to create, each with the findings it addresses. */
export const applyAutoPlanSchema = z.object({
  sprints: z
    .array(z.object({ name: sprintName, findingIds: z.array(id).max(2000) }))
    .min(1)
    .max(20),
});
