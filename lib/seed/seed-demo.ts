import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getDb } from "@/lib/db";
import { cliActor } from "@/lib/audit/record-audit";
import { createProject } from "@/lib/projects/create-project";
import { importReport } from "@/lib/reports/import-report";
import { parseReport } from "@/lib/reports/parse-report";
import { readReportText } from "@/lib/reports/read-report-text";

// A new install shows real data: the five reports Readyboard was designed from, each imported
// into its own project exactly as a lead would import it. Only into an empty database.
const demos = [
  { file: "002_dd5bbc5571d6b528.txt", slug: "goapps-infra", name: "GoApps Infrastructure", description: "Deep infrastructure analysis: findings, inconsistencies, missing components and a 4-sprint roadmap." },
  { file: "000_6b8ad34f52a79d74.txt", slug: "merajutasa", name: "MerajutASA.id", description: "Gap-analysis framework: 15 weighted categories, missing capabilities and a 3-phase roadmap." },
  { file: "001_04bf99f8f6852cab.txt", slug: "technova-inventory", name: "TechNova Inventory", description: "DevOps pipeline report: a feature matrix of strengths, test and coverage results." },
  { file: "003_010c5633cdc2941b.txt", slug: "release-plan", name: "Release plan", description: "Production-release plan whose acceptance criteria become the readiness gate." },
  { file: "004_479f8bec1b2050ea.txt", slug: "omni-policy", name: "Omni policy runtime", description: "Production readiness plan with its next actions all done." },
];

// Beside this file, wherever the CLI was started from (the Docker image keeps lib/ under ops/).
const reportsDir = fileURLToPath(new URL("./reports/", import.meta.url));

export async function seedDemo(): Promise<boolean> {
  if ((await getDb().project.count()) > 0) return false;
  for (const demo of demos) {
    const bytes = new Uint8Array(readFileSync(path.join(reportsDir, demo.file)));
    const project = await createProject(cliActor, { slug: demo.slug, name: demo.name, description: demo.description });
    await importReport(cliActor, project.id, {
      // The same reading as an upload: encoding, byte-order mark, then the parser.
      report: parseReport(readReportText(bytes, demo.file)),
      fileName: demo.file,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
  }
  return true;
}
