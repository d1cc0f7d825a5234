import {
  advisoryList,
  cvssVectorScore,
  dependencyFinding,
  dependencyKey,
  firstFixedVersion,
  patchedRangeStarts,
} from "@/lib/ingest/parsers/dependency-finding";
import { field, isObject, type JsonObject, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { paragraphs, severityFromScore } from "@/lib/ingest/normalize";
import { readScanJson } from "@/lib/ingest/scan-source";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanFinding, ScanParser, ScanRecord, ScanSeverity } from "@/lib/ingest/scan-types";

// cargo audit --json: {database, lockfile, vulnerabilities: {found, count, list: [{advisory,
// versions, package}]}, warnings: {unmaintained|unsound|yanked|notice: [...]}}. One entry per
// advisory and crate version in Cargo.lock, so the file is small and read whole. RustSec rates
// advisories with a CVSS vector only; its score gives the severity, and one without a vector is
// medium. Warnings are not vulnerabilities but still worth acting on: an unmaintained or
// yanked crate is a quality finding, an unsound one (memory safety broken through safe code) a
// low-severity vulnerability.

const tool = "cargo-audit";

const warningKinds: Record<string, { kind: "vulnerability" | "quality"; severity: ScanSeverity; advice: string }> = {
  unsound: { kind: "vulnerability", severity: "low", advice: "Upgrade the crate or avoid the unsound API." },
  unmaintained: { kind: "quality", severity: "low", advice: "Move to a maintained alternative." },
  yanked: { kind: "quality", severity: "low", advice: "Update to a version of the crate that is not yanked." },
  notice: { kind: "quality", severity: "info", advice: "Read the notice and decide whether it applies." },
};

function severityOf(advisory: JsonObject): ScanSeverity {
  return severityFromScore(cvssVectorScore(textOf(advisory.cvss))) ?? "medium";
}

function entryFinding(entry: JsonObject, where: string, warning?: string): ScanFinding {
  const advisory = isObject(entry.advisory) ? entry.advisory : null;
  const pkg = isObject(entry.package) ? entry.package : {};
  const crate = textOf(pkg.name) ?? textOf(advisory?.package);
  const version = textOf(pkg.version);
  if (!crate) throw new ScanShapeError("an entry without a package name", where);
  const id = textOf(advisory?.id) ?? (warning === "yanked" ? "yanked" : null);
  if (!id) throw new ScanShapeError("an entry without an advisory id", where);
  const meta = warning ? warningKinds[warning] : undefined;
  const patched = texts(field(entry.versions, "patched"));
  const fixedVersion = firstFixedVersion(patched.flatMap((range) => patchedRangeStarts(range)), version);
  const informational = textOf(advisory?.informational);
  return dependencyFinding({
    tool,
    ids: advisory ? advisoryList([id, ...texts(advisory.aliases)]) : [],
    ruleId: id,
    summary: textOf(advisory?.title) ?? (warning === "yanked" ? "yanked crate" : null),
    description: paragraphs(
      textOf(advisory?.description),
      informational ? `Informational advisory: ${informational}.` : null,
      patched.length ? `Patched: ${patched.join(" or ")}.` : advisory ? "No patched version exists." : null,
      textOf(advisory?.date) ? `Reported ${textOf(advisory?.date)}.` : null,
    ),
    severity: advisory && textOf(advisory.cvss) ? severityOf(advisory) : (meta?.severity ?? "medium"),
    packageName: crate,
    installedVersion: version,
    fixedVersion,
    references: [textOf(advisory?.url), ...texts(advisory?.references), id.startsWith("RUSTSEC-") ? `https://rustsec.org/advisories/${id}` : null],
    recommendation: fixedVersion ? undefined : (meta?.advice ?? null),
    kind: meta?.kind ?? "vulnerability",
  });
}

export const cargoAuditParser: ScanParser = {
  format: "cargo-audit",
  name: "cargo audit JSON",
  produces: "findings",
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "object" && (sniff.keys.has("database.advisory-count") || (sniff.keys.has("lockfile.dependency-count") && sniff.keys.has("vulnerabilities"))),
  async *parse(source): AsyncGenerator<ScanRecord> {
    const report = await readScanJson(source);
    if (!isObject(report) || !isObject(report.vulnerabilities)) throw new ScanShapeError("not a cargo audit report: vulnerabilities is missing", "");
    yield { type: "tool", name: tool, version: null };
    const seen = new Set<string>();
    const entries: [JsonObject, string, string | undefined][] = objects(report.vulnerabilities.list).map((e, i) => [e, `vulnerabilities.list.${i}`, undefined]);
    for (const [kind, warnings] of Object.entries(isObject(report.warnings) ? report.warnings : {})) {
      if (warningKinds[kind]) entries.push(...objects(warnings).map((e, i): [JsonObject, string, string] => [e, `warnings.${kind}.${i}`, kind]));
    }
    for (const [entry, where, warning] of entries) {
      const finding = entryFinding(entry, where, warning);
      const key = dependencyKey(finding.aliases, finding.ruleId, finding.packageName, finding.installedVersion);
      if (seen.has(key)) continue;
      seen.add(key);
      yield { type: "finding", finding };
    }
  },
};
