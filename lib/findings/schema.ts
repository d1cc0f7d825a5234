import { z } from "zod";
import { FindingKind, FindingStatus, Severity } from "@/lib/generated/prisma/enums";

// One schema per input, shared by the forms' server actions, the JSON API and the CLI.
// Forms send every field as a string ("" when left empty); JSON may send null instead.

const members = <T extends string>(o: Record<string, T>) => Object.values(o) as [T, ...T[]];
const severitySchema = z.enum(members(Severity), { error: "Choose a severity." });
const kindSchema = z.enum(members(FindingKind), { error: "Choose a kind." });
const statusSchema = z.enum(members(FindingStatus), { error: "Choose a status." });

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const atMost = (max: number) => `At most ${max} characters.`;

const title = z.string({ error: "Give the finding a title." }).trim().min(1, "Give the finding a title.").max(300, atMost(300));

/** Text that may be left out: "", blanks and null all mean "none". */
const optionalText = (max: number) =>
  z.preprocess((v) => (v === null ? undefined : v), z.string().trim().max(max, atMost(max)).transform((v) => v || undefined).optional());

/** On edit: absent means "leave as is", while "", blanks and null clear the value. */
const clearableText = (max: number) =>
  z.preprocess((v) => (v === null ? "" : v), z.string().trim().max(max, atMost(max)).transform((v) => v || null)).optional();

const line = z.coerce.number({ error: "Enter a line number." }).int("A whole number.").positive("A line number from 1.");

const lineNeedsFile = (v: { file?: string | null; line?: number | null }) => !v.line || !!v.file;
const lineNeedsFileIssue = { path: ["file"], message: "A line number needs a file." };

export const createFindingSchema = z
  .object({
    title,
    ref: optionalText(60),
    description: optionalText(20_000),
    recommendation: optionalText(20_000),
    severity: severitySchema,
    kind: z.preprocess(emptyToUndefined, kindSchema.optional()),
    categoryId: optionalText(60),
    file: optionalText(1000),
    line: z.preprocess(emptyToUndefined, line.optional()),
    assigneeId: optionalText(60),
  })
  .refine(lineNeedsFile, lineNeedsFileIssue);

// Every field optional so the API can PATCH one of them; the edit form sends them all.
// `file` and `line` are one location: sending either replaces the finding's first location.
export const updateFindingSchema = z
  .object({
    title: title.optional(),
    ref: clearableText(60),
    description: clearableText(20_000).transform((v) => (v === null ? "" : v)),
    recommendation: clearableText(20_000),
    severity: severitySchema.optional(),
    kind: kindSchema.optional(),
    categoryId: clearableText(60),
    assigneeId: clearableText(60),
    file: clearableText(1000),
    line: z.preprocess((v) => (v === "" ? null : v), line.nullable()).optional(),
  })
  .refine(lineNeedsFile, lineNeedsFileIssue);

export const setFindingStatusSchema = z
  .object({
    status: statusSchema,
    statusReason: optionalText(2000),
    riskAcceptedUntil: z.preprocess(emptyToUndefined, z.coerce.date({ error: "Enter a valid date." }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.status !== "risk_accepted") return;
    if (!v.riskAcceptedUntil) ctx.addIssue({ code: "custom", path: ["riskAcceptedUntil"], message: "Accepting a risk needs an expiry date." });
    else if (v.riskAcceptedUntil.getTime() <= Date.now())
      ctx.addIssue({ code: "custom", path: ["riskAcceptedUntil"], message: "The expiry date must be in the future." });
    if (!v.statusReason) ctx.addIssue({ code: "custom", path: ["statusReason"], message: "Say why the risk is accepted." });
  });

const sortKeys = ["severity", "title", "status", "createdAt", "lastSeenAt", "ref"] as const;
export const defaultPageSize = 25;

// The findings list's URL search params. Empty values (an "any" select) mean "no filter".
export const findFindingsSchema = z.preprocess(
  (v) => (v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([, value]) => value !== "")) : v),
  z.object({
    severity: severitySchema.optional(),
    status: statusSchema.optional(),
    category: z.string().max(60, atMost(60)).optional(),
    kind: kindSchema.optional(),
    source: z.string().max(60, atMost(60)).optional(),
    q: z.string().trim().max(200, atMost(200)).transform((v) => v || undefined).optional(),
    sort: z.enum(sortKeys, { error: `Sort by one of ${sortKeys.join(", ")}.` }).default("severity"),
    dir: z.enum(["asc", "desc"], { error: "Sort asc or desc." }).default("asc"),
    page: z.coerce.number({ error: "A page number from 1." }).int("A page number from 1.").min(1, "A page number from 1.").default(1),
    pageSize: z.coerce
      .number({ error: "A page size from 1 to 100." })
      .int("A page size from 1 to 100.")
      .min(1, "A page size from 1 to 100.")
      .max(100, "A page size from 1 to 100.")
      .default(defaultPageSize),
  }),
);

export type FindFindingsQuery = z.output<typeof findFindingsSchema>;
