import { ANY, jsonItems, type PathPattern } from "@/lib/ingest/json-items";
import { advisoryIds, fingerprintOf, paragraphs, primaryAdvisory, severityFromScore, severityFromWord, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanParser, ScanRecord, ScanSource } from "@/lib/ingest/scan-types";
import { finding, lineOf, listItems, textList, uniqueLocations } from "@/lib/ingest/parsers/code-scan-support";
import { field, isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// checkov -o json: one report per framework (terraform, kubernetes, dockerfile, secrets,
// sca_package…), a single object or a list of them. Only failed checks are findings; passed and
// skipped ones are not.
//
// Severity: checkov fills it only with a Prisma Cloud key; without one it is null. A failed check
// is a real misconfiguration whose weight nobody stated: medium, as for any unknown severity.

// Frameworks about how a service is built and deployed; the others describe infrastructure.
const deploymentFrameworks = new Set(["dockerfile", "kubernetes", "helm", "kustomize", "argo_workflows", "github_actions", "gitlab_ci", "bitbucket_pipelines", "circleci_pipelines", "azure_pipelines"]);

type Reports = { version: string | null; frameworks: Map<number, string> };

/** Check types by report (the list's index, or 0 for one report) and the version, read first. */
async function readReports(source: ScanSource, list: boolean): Promise<Reports> {
  const patterns: PathPattern[] = list ? [[ANY, "check_type"], [ANY, "summary", "checkov_version"]] : [["check_type"], ["summary", "checkov_version"], ["checkov_version"]];
  const reports: Reports = { version: null, frameworks: new Map() };
  for await (const { pattern, path, value } of jsonItems(source.open(), patterns)) {
    if (pattern === 0) reports.frameworks.set(list ? Number(path[0]) : 0, textOf(value)?.toLowerCase() ?? "");
    else reports.version ??= textOf(value);
  }
  return reports;
}

type Dependency = Pick<ScanFinding, "ruleId" | "title" | "fingerprint" | "cve" | "aliases" | "packageName" | "installedVersion" | "fixedVersion">;

/** sca_package and sca_image results: an advisory in a package, filed as dependency findings are. */
function dependencyOf(check: JsonObject, file: string | null): Dependency {
  const details = check.vulnerability_details;
  const ids = advisoryIds(textOf(field(details, "id")), textOf(check.check_id));
  const advisory = primaryAdvisory(ids) ?? textOf(field(details, "id")) ?? textOf(check.check_id) ?? "vulnerability";
  const packageName = textOf(field(details, "package_name"));
  const version = textOf(field(details, "package_version"));
  return {
    ruleId: advisory,
    title: titleText(`${advisory} in ${[packageName, version].filter(Boolean).join(" ") || "a dependency"}`),
    fingerprint: fingerprintOf("checkov", advisory, packageName, version, file),
    cve: primaryAdvisory(ids),
    aliases: ids,
    packageName,
    installedVersion: version,
    fixedVersion: textOf(field(details, "lowest_fixed_version")) ?? textOf(field(details, "fixed_version")),
  };
}

function checkFinding(check: JsonObject, framework: string, where: string): ScanFinding {
  const checkId = textOf(check.check_id);
  if (!checkId) throw new ScanShapeError("a failed check without a check_id", where);
  const file = textOf(check.repo_file_path) ?? textOf(check.file_path);
  const resource = textOf(check.resource);
  const name = textOf(check.check_name) ?? checkId;
  const guideline = textOf(check.guideline);
  const lines = Array.isArray(check.file_line_range) ? check.file_line_range : [];
  const details = check.vulnerability_details;
  const dependency = isObject(details) ? dependencyOf(check, file) : null;
  const secret = framework === "secrets";
  const evaluated = textList(field(check.check_result, "evaluated_keys"));
  return finding(
    {
      tool: "checkov",
      ruleId: dependency?.ruleId ?? checkId,
      title: dependency?.title ?? titleText(name),
      description: paragraphs(name, resource ? `Resource: \`${resource}\`` : null, framework ? `Framework: ${framework}` : null, evaluated.length ? `Evaluated keys: ${evaluated.join(", ")}` : null, textOf(field(details, "description"))),
      severity: severityFromWord(textOf(check.severity)) ?? severityFromScore(textOf(field(details, "cvss"))) ?? "medium",
      kind: dependency ? "vulnerability" : secret ? "secret" : "misconfiguration",
      category: dependency || secret ? "security" : deploymentFrameworks.has(framework) ? "deployment" : "configuration",
      // The resource address (or, for secrets, checkov's hash of the secret) is stable; lines are not.
      fingerprint: dependency?.fingerprint ?? fingerprintOf("checkov", checkId, file, resource),
    },
    {
      cve: dependency?.cve,
      aliases: dependency?.aliases,
      packageName: dependency?.packageName,
      installedVersion: dependency?.installedVersion,
      fixedVersion: dependency?.fixedVersion,
      locations: uniqueLocations([{ file, line: lineOf(lines[0]) }]),
      recommendation: guideline ? `See ${guideline}` : null,
      references: [...new Set([guideline, textOf(field(details, "link"))].filter((u): u is string => Boolean(u)))],
    },
  );
}

export const checkovParser: ScanParser = {
  format: "checkov",
  name: "Checkov JSON",
  produces: "findings",
  detect: (sniff) => {
    if (sniff.syntax !== "json") return false;
    const prefix = sniff.root === "array" ? "*." : "";
    if (sniff.keys.has(`${prefix}check_type`) && (sniff.keys.has(`${prefix}results.failed_checks`) || sniff.keys.has(`${prefix}summary.checkov_version`))) return true;
    // Nothing to scan: checkov prints only its summary.
    return sniff.root === "object" && sniff.keys.has("checkov_version") && sniff.keys.has("failed") && sniff.keys.has("passed");
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    const start = await jsonStart(source);
    if (start !== "{" && start !== "[") throw new ScanShapeError("expected a checkov report or a list of them", "");
    const list = start === "[";
    const reports = await readReports(source, list);
    yield { type: "tool", name: "checkov", version: reports.version };
    const pattern: PathPattern = list ? [ANY, "results", "failed_checks", ANY] : ["results", "failed_checks", ANY];
    for await (const { value, path } of listItems(source, [pattern])) {
      if (!isObject(value)) throw new ScanShapeError("a failed check that is not an object", path.join("."));
      yield { type: "finding", finding: checkFinding(value, reports.frameworks.get(list ? Number(path[0]) : 0) ?? "", path.join(".")) };
    }
  },
};
