import { AppError, errorCodes } from "@/lib/errors";
import { CliUsageError, type CliCommand } from "@/cli/command";

// `readyboard <command> …`: each command lives in its own file and is loaded on demand, so
// `parse` never opens a database and `--help` is instant.
const commands: Record<string, () => Promise<{ default: CliCommand }>> = {
  serve: () => import("@/cli/commands/serve"),
  db: () => import("@/cli/commands/db"),
  user: () => import("@/cli/commands/user"),
  project: () => import("@/cli/commands/project"),
  export: () => import("@/cli/commands/export"),
  import: () => import("@/cli/commands/import"),
  parse: () => import("@/cli/commands/parse"),
  "import-report": () => import("@/cli/commands/import-report"),
  token: () => import("@/cli/commands/token"),
  upload: () => import("@/cli/commands/upload"),
  gate: () => import("@/cli/commands/gate"),
};

const usage = `Usage: readyboard <command> [options]

Commands:
  serve                               start the app (embedded database unless DATABASE_URL is set)
  db start | migrate | diff <name>    run the embedded database, apply migrations, or write a new one
  user create --email E --role R      create a user (password from stdin, or generated and printed)
  project create --slug S --name N    create a project with the default categories
  export [--project S]                print a versioned JSON backup to stdout
  import <file.json>                  restore a backup into this database
  parse <file> [--json] [--format F]  parse a scan file or a Markdown report (no database) and print the result
  import-report <file> --project S    import a Markdown report into a project [--json]
  upload <file> --project S           import a scan file [--format F] [--branch B] [--commit C] [--keep-missing] [--json]
  gate --project S [--json]           the readiness gate: exit 0 when it passes, 1 when it fails, with the reasons
  token create --project S --name N   create a project API token (shown once); token list | revoke --id ID`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(usage);
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    console.error(`readyboard: unknown command "${name}". Run "readyboard --help" for the list.`);
    return 1;
  }
  try {
    const command = (await load()).default;
    return (await command(rest)) ?? 0;
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`readyboard ${name}: ${error.message}`);
      return 1;
    }
    if (error instanceof AppError) {
      const fields = error.fieldErrors ? Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v.join(", ")}`) : [];
      console.error(`readyboard ${name}: ${[error.message, ...fields].join("; ")}`);
      return errorCodes[error.code].exit;
    }
    console.error(`readyboard ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
