"use server";

import { revalidatePath } from "next/cache";
import { actionError, formValues, type ActionState } from "@/lib/action-result";
import { userActor } from "@/lib/audit/record-audit";
import { requirePermission } from "@/lib/auth/session";
import { gateCriterionKeys } from "@/lib/maturity/gate";
import { severities } from "@/lib/maturity/score";
import { setGateCriteria } from "@/lib/maturity/set-gate-criteria";
import { setMaturitySettings } from "@/lib/maturity/set-maturity-settings";
import { requireProjectBySlug } from "@/lib/projects/find-projects";

const projectFor = (form: FormData) => requireProjectBySlug(String(form.get("projectSlug") ?? ""));

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
    await setMaturitySettings(userActor(lead), project.id, {
      severityWeights: Object.fromEntries(severities.map((s) => [s, values[`weight.${s}`] ?? ""])),
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
