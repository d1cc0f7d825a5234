import "server-only";
import { getDb } from "@/lib/db";
import { asAppError } from "@/lib/errors";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schema";
import { parseInput } from "@/lib/validation";

/** Creates a user; returns the generated password when none was given (shown once, never stored). */
export async function createUser(actor: Actor, input: CreateUserInput | Record<string, string>) {
  const data = parseInput(createUserSchema, input);
  const generated = data.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(data.password ?? generated!);
  try {
    const user = await getDb().$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash },
        select: { id: true, email: true, name: true, role: true },
      });
      await recordAudit(tx, actor, { action: "user.create", targetType: "user", targetId: created.id, detail: { role: data.role } });
      return created;
    });
    return { user, generatedPassword: generated };
  } catch (error) {
    throw asAppError(error, `A user with the email ${data.email} already exists.`);
  }
}
