"use server";

import { revalidatePath } from "next/cache";
import { actionError, formValues, type ActionState } from "@/lib/action-result";
import { userActor } from "@/lib/audit/record-audit";
import { requirePermission } from "@/lib/auth/session";
import { requireProjectBySlug } from "@/lib/projects/find-projects";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

const projectFor = (form: FormData) => requireProjectBySlug(String(form.get("projectSlug") ?? ""));

export async function createTokenAction(_prev: ActionState, form: FormData): Promise<ActionState & { token?: string; name?: string }> {
  const values = formValues(form);
  try {
    const lead = await requirePermission("tokens.write");
    const project = await projectFor(form);
    const created = await createApiToken(userActor(lead), project.id, { name: values.name });
    revalidatePath(`/projects/${project.slug}/tokens`);
    return { ok: true, token: created.token, name: created.name };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function revokeTokenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const lead = await requirePermission("tokens.write");
    const project = await projectFor(form);
    await revokeApiToken(userActor(lead), project.id, String(form.get("tokenId") ?? ""));
    revalidatePath(`/projects/${project.slug}/tokens`);
    return { ok: true };
  } catch (error) {
    return actionError(error);
  }
}
