"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { userActor } from "@/lib/audit/record-audit";
import { getProjectBySlug } from "@/lib/projects/find-projects";
import { createFinding } from "@/lib/findings/create-finding";
import { updateFinding } from "@/lib/findings/update-finding";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { deleteFinding } from "@/lib/findings/delete-finding";
import { actionError, formValues, type ActionState } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import type { Permission } from "@/lib/auth/permissions";

async function projectFor(form: FormData, permission: Permission) {
  const user = await requirePermission(permission);
  const project = await getProjectBySlug(String(form.get("projectSlug") ?? ""));
  if (!project) throw new AppError("not_found", "That project does not exist.");
  return { actor: userActor(user), project };
}

export async function createFindingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let target: string;
  try {
    const { actor, project } = await projectFor(form, "findings.write");
    const finding = await createFinding(actor, project.id, values);
    target = `/projects/${project.slug}/findings/${finding.id}`;
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/", "layout");
  redirect(target);
}

export async function updateFindingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let target: string;
  try {
    const { actor, project } = await projectFor(form, "findings.write");
    const finding = await updateFinding(actor, project.id, values.findingId ?? "", values);
    target = `/projects/${project.slug}/findings/${finding.id}`;
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/", "layout");
  redirect(target);
}

export async function setFindingStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  try {
    const { actor, project } = await projectFor(form, "findings.status");
    await setFindingStatus(actor, project.id, values.findingId ?? "", values);
    revalidatePath("/", "layout");
    return { ok: true };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function deleteFindingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  let target: string;
  try {
    const { actor, project } = await projectFor(form, "findings.write");
    await deleteFinding(actor, project.id, String(form.get("findingId") ?? ""));
    target = `/projects/${project.slug}`;
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/", "layout");
  redirect(target);
}
