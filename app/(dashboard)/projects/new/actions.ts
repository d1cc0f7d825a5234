"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { userActor } from "@/lib/audit/record-audit";
import { createProject } from "@/lib/projects/create-project";
import { actionError, formValues, type ActionState } from "@/lib/action-result";

export async function createProjectAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let slug: string;
  try {
    const user = await requirePermission("projects.write");
    slug = (await createProject(userActor(user), values)).slug;
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/projects/${slug}`);
}
