"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { userActor } from "@/lib/audit/record-audit";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { actionError, formValues, type ActionState } from "@/lib/action-result";

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState & { password?: string; email?: string }> {
  const values = formValues(form);
  try {
    const admin = await requirePermission("users.manage");
    const { user, generatedPassword } = await createUser(userActor(admin), values);
    revalidatePath("/users");
    return { ok: true, email: user.email, password: generatedPassword };
  } catch (error) {
    // Never echo a typed password back into the page.
    return actionError(error, { ...values, password: "" });
  }
}

export async function updateUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const admin = await requirePermission("users.manage");
    await updateUser(userActor(admin), {
      userId: String(form.get("userId") ?? ""),
      role: String(form.get("role") ?? ""),
      disabled: form.get("disabled") === "on",
    });
    revalidatePath("/users");
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
