import { readFile } from "node:fs/promises";
import { CliUsageError, parseOptions, withDatabase, type CliCommand } from "@/cli/command";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importBackup, parseBackup, projectsWithoutSnapshots } from "@/lib/backup/import-backup";
import { noteReadinessChange } from "@/lib/maturity/take-snapshot";

// readyboard import backup.json — restores a backup into an empty database, all or nothing.
const importCommand: CliCommand = async (argv) => {
  const { positionals } = parseOptions(argv, {});
  const file = positionals[0];
  if (!file) throw new CliUsageError("give the backup file: readyboard import backup.json");
  const text = await readFile(file, "utf8").catch(() => {
    throw new AppError("not_found", `Cannot read ${file}.`);
  });
  const backup = parseBackup(text);
  await withDatabase(async () => {
    const counts = await importBackup(getDb(), backup);
    // Restored findings carry their history; a first snapshot rebuilds the days before it.
    for (const projectId of projectsWithoutSnapshots(backup)) await noteReadinessChange(projectId);
    console.log(`Imported ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  });
};

export default importCommand;
