import "server-only";
import { getDb } from "@/lib/db";
import { readMaturitySettings, type MaturitySettings } from "@/lib/maturity/settings";

/** A project's scoring settings as stored, over the defaults. */
export async function getMaturitySettings(projectId: string): Promise<MaturitySettings> {
  const project = await getDb().project.findUniqueOrThrow({ where: { id: projectId }, select: { maturitySettings: true } });
  return readMaturitySettings(project.maturitySettings);
}
