import { parseOptions, withDatabase, type CliCommand } from "@/cli/command";
import { getDb } from "@/lib/db";
import { exportBackup } from "@/lib/backup/export-backup";

// readyboard export [--project S] > backup.json — JSON on stdout, counts on stderr.
const exportCommand: CliCommand = async (argv) => {
  const { values } = parseOptions(argv, { project: { type: "string" } });
  await withDatabase(async () => {
    let buffer = "";
    const flush = () =>
      new Promise<void>((resolve, reject) => process.stdout.write(buffer, (e) => (e ? reject(e) : resolve())));
    const counts = await exportBackup(
      getDb(),
      async (chunk) => {
        buffer += chunk;
        if (buffer.length > 1 << 20) {
          await flush();
          buffer = "";
        }
      },
      { project: values.project },
    );
    await flush();
    console.error(`Exported ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}`);
  });
};

export default exportCommand;
