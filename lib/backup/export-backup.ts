import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { BACKUP_FORMAT, BACKUP_VERSION } from "@/lib/backup/schema";
import { backupTables, orderKey, type BackupTableName } from "@/lib/backup/tables";

type Delegate = { findMany: (args: object) => Promise<Record<string, unknown>[]> };
const BATCH = 5000;

/**
 * Writes a versioned JSON backup through `write`, table by table in batches, so a project of
 * 100,000 findings is never held in memory whole. With a project slug, only that project's rows
 * and the users they mention.
 */
export async function exportBackup(db: Db, write: (chunk: string) => void | Promise<void>, options: { project?: string } = {}) {
  const project = options.project ? await db.project.findUnique({ where: { slug: options.project }, select: { id: true } }) : null;
  if (options.project && !project) throw new AppError("not_found", `No project with the slug "${options.project}".`);
  const users = project ? await referencedUsers(db, project.id) : null;

  await write(`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(new Date().toISOString())},`);
  await write(`"scope":${JSON.stringify({ project: options.project ?? null })},"tables":{`);
  const counts: Record<string, number> = {};
  for (const [i, table] of backupTables.entries()) {
    const where = table.name === "user" ? (users ? { id: { in: users } } : {}) : project && table.project ? table.project(project.id) : {};
    await write(`${i ? "," : ""}${JSON.stringify(table.name)}:[`);
    let n = 0;
    for (let skip = 0; ; skip += BATCH) {
      const batch = await delegate(db, table.name).findMany({ where, orderBy: orderKey(table.name).map((k) => ({ [k]: "asc" })), skip, take: BATCH });
      for (const row of batch) await write(`${n++ ? "," : ""}${JSON.stringify(row)}`);
      if (batch.length < BATCH) break;
    }
    counts[table.name] = n;
    await write("]");
  }
  await write("}}\n");
  return counts;
}

function delegate(db: Db, name: BackupTableName): Delegate {
  return (db as unknown as Record<BackupTableName, Delegate>)[name];
}

/** Ids of every user a project's rows point at. */
async function referencedUsers(db: Db, projectId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    select "assigneeId" as id from "Finding" where "projectId" = ${projectId} and "assigneeId" is not null
    union select e."actorId" from "FindingEvent" e join "Finding" f on f.id = e."findingId" where f."projectId" = ${projectId} and e."actorId" is not null
    union select "assigneeId" from "RoadmapItem" where "projectId" = ${projectId} and "assigneeId" is not null
    union select "createdById" from "ApiToken" where "projectId" = ${projectId} and "createdById" is not null
    union select "importedById" from "ReportImport" where "projectId" = ${projectId} and "importedById" is not null
    union select "actorId" from "AuditLog" where "projectId" = ${projectId} and "actorId" is not null`;
  return rows.map((r) => r.id);
}
