import { CliUsageError, parseOptions, withDatabase, type CliCommand } from "@/cli/command";
import { readScanFile } from "@/cli/read-scan-file";
import { cliActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { importScan, type ScanSummary } from "@/lib/ingest/import-scan";
import type { GateResult } from "@/lib/maturity/gate";
import { getGateStatus } from "@/lib/maturity/get-gate-status";

// readyboard upload <file> --project S [--format F] [--branch B] [--commit C] [--keep-missing] [--json]
// — imports a scan file into a project the way the API does, and prints what changed and the gate.
const upload: CliCommand = async (argv) => {
  const { values, positionals } = parseOptions(argv, {
    project: { type: "string" },
    format: { type: "string" },
    branch: { type: "string" },
    commit: { type: "string" },
    "keep-missing": { type: "boolean" },
    json: { type: "boolean" },
  });
  const file = positionals[0];
  if (!file || !values.project) throw new CliUsageError("give the scan file and the project: readyboard upload trivy.json --project <slug>");
  const { source, sha256 } = await readScanFile(file);
  const slug = values.project;
  await withDatabase(async () => {
    const project = await getDb().project.findUnique({ where: { slug }, select: { id: true } });
    if (!project) throw new AppError("not_found", `No project with the slug "${slug}".`);
    const options = { format: values.format, branch: values.branch, commit: values.commit, closeMissing: !values["keep-missing"] };
    const scan = await importScan(cliActor, project.id, { source, sha256, options });
    const gate = await getGateStatus(project.id);
    console.log(values.json ? JSON.stringify({ scan, gate }, null, 2) : describe(slug, scan, gate));
  });
};

function describe(slug: string, scan: ScanSummary, gate: GateResult): string {
  const lines = [
    `Uploaded ${scan.fileName} (${scan.tool}) to ${slug}${scan.branch ? ` on ${scan.branch}` : ""}:`,
    `  ${scan.findings} findings: ${scan.created} new, ${scan.reopened} reopened, ${scan.unchanged} unchanged, ${scan.closed} fixed per scan`,
  ];
  if (scan.metrics) lines.push(`  ${scan.metrics} metrics`);
  lines.push(`Gate: ${gate.status.toUpperCase()}`);
  for (const c of gate.criteria) lines.push(`  ${c.pass ? "✓" : "✗"} ${c.name} (actual ${c.actual ?? "not measured"})`);
  return lines.join("\n");
}

export default upload;
