"use server";

import { revalidatePath } from "next/cache";
import { actionError, formValues, type ActionState } from "@/lib/action-result";
import { userActor } from "@/lib/audit/record-audit";
import { requirePermission } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { gateCriterionKeys } from "@/lib/maturity/gate";
import { setGateCriteria } from "@/lib/maturity/set-gate-criteria";
import { setMaturitySettings } from "@/lib/maturity/set-maturity-settings";
import { getProjectBySlug } from "@/lib/projects/find-projects";

async function projectFor(form: FormData) {
  const slug = String(form.get("projectSlug") ?? "");
  const project = await getProjectBySlug(slug);
  if (!project) throw new AppError("not_found", `No project with the slug "${slug}".`);
  return project;
}

export async function saveGateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  try {
    const lead = await requirePermission("projects.write");
    const project = await projectFor(form);
    const criteria = gateCriterionKeys.map((key) => ({ key, threshold: values[`${key}.threshold`] ?? "", enabled: form.get(`${key}.enabled`) === "on" }));
    await setGateCriteria(userActor(lead), project.id, { criteria });
    revalidatePath(`/projects/${project.slug}`);
    return { ok: true, values };
  } catch (error) {
    return actionError(error, values);
  }
}

export async function saveMaturitySettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = formValues(form);
  try {
    const lead = await requirePermission("projects.write");
    const project = await projectFor(form);
    const weight = (s: string) => values[`weight.${s}`] ?? "";
    await setMaturitySettings(userActor(lead), project.id, {
      severityWeights: { critical: weight("critical"), high: weight("high"), medium: weight("medium"), low: weight("low"), info: weight("info") },
      halfScorePenalty: values.halfScorePenalty ?? "",
      levels: {
        basicMaxGaps: values.basicMaxGaps ?? "",
        intermediateMaxCriticalHigh: values.intermediateMaxCriticalHigh ?? "",
        advancedMaxCriticalHigh: values.advancedMaxCriticalHigh ?? "",
        exemplaryMaxGaps: values.exemplaryMaxGaps ?? "",
      },
    });
    revalidatePath(`/projects/${project.slug}`);
    return { ok: true, values };
  } catch (error) {
    return actionError(error, values);
  }
}
