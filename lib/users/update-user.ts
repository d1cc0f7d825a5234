import "server-only";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { updateUserSchema, type UpdateUserInput } from "@/lib/users/schema";
import { parseInput } from "@/lib/validation";

/** Changes a user's role or disables them; the last active admin cannot be demoted or disabled. */
export async function updateUser(actor: Actor, input: UpdateUserInput | Record<string, unknown>) {
  const data = parseInput(updateUserSchema, input);
  return getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: data.userId } });
    if (!user) throw new AppError("not_found", "That user does not exist.");
    const losesAdmin = user.role === "admin" && !user.disabledAt && (data.role !== "admin" || data.disabled);
    if (losesAdmin) {
      const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (admins <= 1) throw new AppError("conflict", "Keep at least one active admin.");
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role: data.role, disabledAt: data.disabled ? (user.disabledAt ?? new Date()) : null },
      select: { id: true, email: true, role: true, disabledAt: true },
    });
    await recordAudit(tx, actor, {
      action: "user.update",
      targetType: "user",
      targetId: user.id,
      detail: { from: { role: user.role, disabled: !!user.disabledAt }, to: { role: data.role, disabled: data.disabled } },
    });
    return updated;
  });
}
