import { z } from "zod";

export const createProjectSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(2, "At least 2 characters.")
    .max(48, "At most 48 characters.")
    .regex(/^[a-z0-9][a-z0-9-]*$/, "Lowercase letters, digits and dashes; start with a letter or digit."),
  name: z.string().trim().min(1, "Give the project a name.").max(120, "At most 120 characters."),
  description: z.string().trim().max(2000, "At most 2000 characters.").optional().or(z.literal("").transform(() => undefined)),
  repoUrl: z.string().trim().url("Enter a full URL, e.g. https://github.com/org/repo.").max(500).optional().or(z.literal("").transform(() => undefined)),
  ownerTeam: z.string().trim().max(120).optional().or(z.literal("").transform(() => undefined)),
});

export type CreateProjectInput = z.input<typeof createProjectSchema>;
