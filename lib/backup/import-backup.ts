import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { backupSchema, type Backup } from "@/lib/backup/schema";
import { backupTables, dateColumns, jsonColumns, type BackupTableName } from "@/lib/backup/tables";

type Delegate = {
  createMany: (args: { data: Record<string, unknown>[] }) => Promise<{ count: number }>;
  count: (args: object) => Promise<number>;
};

const BATCH = 1000;

/** Projects whose backup has no snapshots: their trends are to be rebuilt from finding history. */
export function projectsWithoutSnapshots(backup: Backup): string[] {
  const snapshotted = new Set(backup.tables.snapshot.map((s) => String(s.projectId)));
  return backup.tables.project.map((p) => String(p.id)).filter((id) => !snapshotted.has(id));
}

/** Parses and checks a backup file's text; the message says what is wrong with it. */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError("invalid", `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = backupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid", `Not a usable backup: ${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  return parsed.data;
}

/** Restores rows as they were, dates and JSON included (pure: no database). */
export function restoreRow(table: BackupTableName, row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  for (const column of dateColumns[table] ?? []) if (typeof out[column] === "string") out[column] = new Date(out[column] as string);
  for (const column of jsonColumns[table] ?? []) if (out[column] === null) out[column] = Prisma.DbNull;
  return out;
}

/**
 * Writes a backup in one transaction, parents before children. Rows that already exist (same
 * id, project slug or user email) refuse the whole import, naming the first clash.
 */
export async function importBackup(db: Db, backup: Backup): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      await refuseClashes(tx as unknown as Db, backup);
      for (const { name } of backupTables) {
        const rows = backup.tables[name];
        const target = (tx as unknown as Record<BackupTableName, Delegate>)[name];
        for (let i = 0; i < rows.length; i += BATCH) {
          await target.createMany({ data: rows.slice(i, i + BATCH).map((r) => restoreRow(name, r)) });
        }
        counts[name] = rows.length;
      }
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return counts;
}

async function refuseClashes(db: Db, backup: Backup) {
  const emails = backup.tables.user.map((u) => String(u.email));
  const user = emails.length ? await db.user.findFirst({ where: { email: { in: emails } }, select: { email: true } }) : null;
  if (user) throw new AppError("conflict", `A user with the email ${user.email} already exists; import into an empty database.`);
  const slugs = backup.tables.project.map((p) => String(p.slug));
  const project = slugs.length ? await db.project.findFirst({ where: { slug: { in: slugs } }, select: { slug: true } }) : null;
  if (project) throw new AppError("conflict", `A project with the slug "${project.slug}" already exists; import into an empty database.`);
  for (const { name } of backupTables) {
    // Join rows have no id of their own; the rows they join are checked.
    if (name === "roadmapItemFinding" || name === "findingSource") continue;
    const ids = backup.tables[name].map((r) => String(r.id));
    for (let i = 0; i < ids.length; i += 10_000) {
      const found = await (db as unknown as Record<BackupTableName, Delegate>)[name].count({ where: { id: { in: ids.slice(i, i + 10_000) } } });
      if (found) throw new AppError("conflict", `${found} ${name} row(s) of the backup already exist; import into an empty database.`);
    }
  }
}
