import { z } from "zod";
import { FindingKind, FindingStatus, Severity } from "@/lib/generated/prisma/enums";

const values = <T extends string>(o: Record<string, T>) => Object.values(o) as [T, ...T[]];
export const severitySchema = z.enum(values(Severity), { error: "Choose a severity." });
export const kindSchema = z.enum(values(FindingKind), { error: "Choose a kind." });
export const statusSchema = z.enum(values(FindingStatus), { error: "Choose a status." });

const optionalText = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters.`).optional().or(z.literal("").transform(() => undefined));

const findingFields = {
  title: z.string().trim().min(1, "Give the finding a title.").max(300, "At most 300 characters."),
  ref: optionalText(60),
  description: z.string().trim().max(20000, "At most 20000 characters.").optional().default(""),
  recommendation: optionalText(20000),
  severity: severitySchema,
  kind: kindSchema.default("gap"),
  categoryId: optionalText(60),
  file: optionalText(1000),
  line: z
    .union([z.literal("").transform(() => undefined), z.coerce.number().int("A whole number.").positive("A line number from 1.")])
    .optional(),
  assigneeId: optionalText(60),
};

export const createFindingSchema = z.object(findingFields);
export const updateFindingSchema = z.object(findingFields);

export const setFindingStatusSchema = z
  .object({
    status: statusSchema,
    statusReason: optionalText(2000),
    riskAcceptedUntil: z
      .union([z.literal("").transform(() => undefined), z.coerce.date({ error: "Enter a valid date." })])
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status !== "risk_accepted") return;
    if (!v.riskAcceptedUntil) ctx.addIssue({ code: "custom", path: ["riskAcceptedUntil"], message: "Accepting a risk needs an expiry date." });
    else if (v.riskAcceptedUntil.getTime() <= Date.now())
      ctx.addIssue({ code: "custom", path: ["riskAcceptedUntil"], message: "The expiry date must be in the future." });
    if (!v.statusReason) ctx.addIssue({ code: "custom", path: ["statusReason"], message: "Say why the risk is accepted." });
  });

export const sortKeys = ["severity", "title", "status", "ref", "createdAt", "lastSeenAt"] as const;

const oneOf = <S extends z.ZodType>(schema: S) => z.union([z.literal("").transform(() => undefined), schema]).optional();

export const findFindingsSchema = z.object({
  severity: oneOf(severitySchema),
  status: oneOf(statusSchema),
  category: oneOf(z.string().max(60)),
  kind: oneOf(kindSchema),
  source: oneOf(z.string().max(60)),
  q: oneOf(z.string().trim().max(200, "At most 200 characters.")),
  sort: z.enum(sortKeys).catch("severity").default("severity"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});

export type CreateFindingInput = z.input<typeof createFindingSchema>;
export type SetFindingStatusInput = z.input<typeof setFindingStatusSchema>;
export type FindFindingsQuery = z.output<typeof findFindingsSchema>;
