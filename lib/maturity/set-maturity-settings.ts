import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { maturitySettingsSchema } from "@/lib/maturity/settings";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";
import { parseInput } from "@/lib/validation";

/** A project's severity weights and level thresholds, as a lead sets them. */
export async function setMaturitySettings(actor: Actor, projectId: string, input: unknown) {
  const settings = parseInput(maturitySettingsSchema, input);
  await getDb().$transaction(async (tx) => {
    await tx.project.update({ where: { id: projectId }, data: { maturitySettings: settings } });
    await recordAudit(tx, actor, { action: "maturity.settings", targetType: "project", targetId: projectId, projectId, detail: settings });
  });
  await noteReadinessChange(projectId);
  return settings;
}
