import { z } from "zod";
import { backupTables } from "@/lib/backup/tables";

export const BACKUP_FORMAT = "readyboard-backup";
export const BACKUP_VERSION = 1;

const rows = z.array(z.record(z.string(), z.unknown()));

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: `Not a Readyboard backup (expected "format": "${BACKUP_FORMAT}").` }),
  version: z.literal(BACKUP_VERSION, { error: `This Readyboard reads backup version ${BACKUP_VERSION} only.` }),
  exportedAt: z.string(),
  scope: z.object({ project: z.string().nullable() }),
  tables: z.object(Object.fromEntries(backupTables.map((t) => [t.name, rows.default([])])) as Record<(typeof backupTables)[number]["name"], z.ZodDefault<typeof rows>>),
});

export type Backup = z.output<typeof backupSchema>;
