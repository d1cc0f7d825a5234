import { CliUsageError, parseOptions, withDatabase, type CliCommand } from "@/cli/command";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGateStatus } from "@/lib/maturity/get-gate-status";

// readyboard gate --project S [--json] — the project's readiness gate now: exit 0 when it
// passes, 1 when it fails, with each criterion and its measured value.
const gate: CliCommand = async (argv) => {
  const { values } = parseOptions(argv, { project: { type: "string" }, json: { type: "boolean" } });
  if (!values.project) throw new CliUsageError("name the project: readyboard gate --project <slug>");
  const slug = values.project;
  return withDatabase(async () => {
    const project = await getDb().project.findUnique({ where: { slug }, select: { id: true } });
    if (!project) throw new AppError("not_found", `No project with the slug "${slug}".`);
    const result = await getGateStatus(project.id);
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`Gate for ${slug}: ${result.status.toUpperCase()}`);
      for (const c of result.criteria) console.log(`  ${c.pass ? "✓" : "✗"} ${c.name}: ${c.actual === null ? "not measured yet" : `actual ${c.actual}`}`);
    }
    return result.status === "pass" ? 0 : 1;
  });
};

export default gate;
