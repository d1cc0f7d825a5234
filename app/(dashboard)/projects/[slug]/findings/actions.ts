"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { userActor } from "@/lib/audit/record-audit";
import { requireProjectBySlug } from "@/lib/projects/find-projects";
import { createFinding } from "@/lib/findings/create-finding";
import { updateFinding } from "@/lib/findings/update-finding";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { deleteFinding } from "@/lib/findings/delete-finding";
import { actionError, formValues, type ActionState } from "@/lib/action-result";

// The forms name their project and finding in hidden fields. Nothing here trusts them: the
// role is checked first, and every use case looks the finding up within that project.
async function authorize(values: Record<string, string>, permission: Permission) {
  const user = await requirePermission(permission);
  const project = await requireProjectBySlug(values.projectSlug ?? "");
  return { actor: userActor(user), project, findingId: values.findingId ?? "" };
}

export async function createFindingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let target: string;
  try {
    const { actor, project } = await authorize(values, "findings.write");
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
    const { actor, project, findingId } = await authorize(values, "findings.write");
    await updateFinding(actor, project.id, findingId, values);
    target = `/projects/${project.slug}/findings/${findingId}`;
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/", "layout");
  redirect(target);
}

export async function setFindingStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  try {
    const { actor, project, findingId } = await authorize(values, "findings.status");
    await setFindingStatus(actor, project.id, findingId, values);
  } catch (error) {
    return actionError(error, values);
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function deleteFindingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  let target: string;
  try {
    const { actor, project, findingId } = await authorize(values, "findings.write");
    await deleteFinding(actor, project.id, findingId);
    target = `/projects/${project.slug}`;
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/", "layout");
  redirect(target);
}
