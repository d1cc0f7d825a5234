import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

export const roleSchema = z.enum(Object.values(Role) as [Role, ...Role[]], {
  error: "Choose one of admin, lead, engineer, viewer.",
});

export const passwordSchema = z
  .string()
  .min(12, "At least 12 characters.")
  .max(200, "At most 200 characters.");

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  name: z.string().trim().max(120).optional().or(z.literal("").transform(() => undefined)),
  role: roleSchema,
  // Empty means "generate one and show it once".
  password: passwordSchema.optional().or(z.literal("").transform(() => undefined)),
});

export const updateUserSchema = z.object({
  userId: z.string().min(1),
  role: roleSchema,
  disabled: z.boolean(),
});

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
