"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { actionError, formValues, type ActionState } from "@/lib/action-result";
import { userActor } from "@/lib/audit/record-audit";
import { requirePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { requireProjectBySlug } from "@/lib/projects/find-projects";
import { createItem, planFindings, updateItem } from "@/lib/roadmap/item-use-cases";
import { applyAutoPlan } from "@/lib/roadmap/apply-auto-plan";
import { moveItem } from "@/lib/roadmap/move-item";
import { setItemStatus } from "@/lib/roadmap/set-item-status";
import { closeSprint, createSprint, reorderSprints, updateSprint } from "@/lib/roadmap/sprint-use-cases";

// The board's writes. Each checks the caller's role here, on the server, whatever the UI shows.

export type BoardActionResult = { ok: true; version?: number; items?: number } | { ok: false; error: string; conflict: boolean; fieldErrors?: Record<string, string[]> };

async function run(slug: string, permission: "roadmap.status" | "roadmap.write" | "sprints.write", work: (actor: ReturnType<typeof userActor>, projectId: string) => Promise<{ version?: number; items?: number } | void>): Promise<BoardActionResult> {
  try {
    const user = await requirePermission(permission);
    const p = await requireProjectBySlug(slug);
    const done = await work(userActor(user), p.id);
    revalidatePath(`/projects/${slug}/board`);
    revalidatePath(`/projects/${slug}`);
    return { ok: true, ...(done ?? {}) };
  } catch (error) {
    const state = await actionError(error);
    return { ok: false, error: state.error ?? "", conflict: error instanceof AppError && error.code === "conflict", fieldErrors: state.fieldErrors };
  }
}

export async function moveItemAction(slug: string, itemId: string, input: { version: number; sprintId: string | null; index: number }) {
  return run(slug, "roadmap.status", async (actor, projectId) => ({ version: (await moveItem(actor, projectId, itemId, input)).version }));
}

export async function setItemStatusAction(slug: string, itemId: string, input: { version: number; status: string; resolveFindings?: string[]; reopenFindings?: string[] }) {
  return run(slug, "roadmap.status", async (actor, projectId) => ({ version: (await setItemStatus(actor, projectId, itemId, input)).item.version }));
}

export async function updateItemAction(slug: string, itemId: string, input: Record<string, unknown>) {
  return run(slug, "roadmap.write", async (actor, projectId) => ({ version: (await updateItem(actor, projectId, itemId, input)).version }));
}

export async function createItemAction(slug: string, input: Record<string, unknown>) {
  return run(slug, "roadmap.write", async (actor, projectId) => void (await createItem(actor, projectId, input)));
}

export async function createSprintAction(slug: string, form: FormData) {
  return run(slug, "sprints.write", async (actor, projectId) => void (await createSprint(actor, projectId, formValues(form))));
}

export async function updateSprintAction(slug: string, sprintId: string, form: FormData) {
  return run(slug, "sprints.write", async (actor, projectId) => void (await updateSprint(actor, projectId, sprintId, formValues(form))));
}

export async function reorderSprintsAction(slug: string, sprintIds: string[]) {
  return run(slug, "sprints.write", async (actor, projectId) => void (await reorderSprints(actor, projectId, { sprintIds })));
}

export async function closeSprintAction(slug: string, sprintId: string) {
  return run(slug, "sprints.write", async (actor, projectId) => void (await closeSprint(actor, projectId, sprintId, { confirm: true })));
}

/** Auto-plan as the lead adjusted it: new sprints with their items, in one transaction. */
export async function applyAutoPlanAction(slug: string, input: { sprints: { name: string; findingIds: string[] }[] }) {
  return run(slug, "sprints.write", async (actor, projectId) => ({ items: (await applyAutoPlan(actor, projectId, input)).items }));
}

/** From the findings table: the chosen findings become items of a sprint. */
export async function planFindingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const slug = String(form.get("projectSlug") ?? "");
  const sprintId = String(form.get("sprintId") ?? "");
  let planned = { count: 0, sprint: "" };
  const result = await run(slug, "roadmap.write", async (actor, projectId) => {
    planned = await planFindings(actor, projectId, { sprintId, findingIds: form.getAll("findingIds").map(String) });
  });
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors, values: { sprintId } };
  const t = await getTranslations("board");
  return { ok: true, message: t("planned", { count: planned.count, sprint: planned.sprint || t("backlog") }), values: { sprintId } };
}
