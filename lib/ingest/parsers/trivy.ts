import { ANY, jsonItems, type PathPattern } from "@/lib/ingest/json-items";
import { fingerprintOf, normalizeCwe, normalizeForFingerprint, paragraphs, severityFromWord, titleText } from "@/lib/ingest/normalize";
import {
  advisoryList,
  dependencyFinding,
  dependencyKey,
  ecosystemPackageName,
  firstFixedVersion,
  packageFromPurl,
  parsePurl,
  severityFromScoreOrVector,
  slashes,
  uniqueLocations,
  vulnerabilitySeverityWord,
} from "@/lib/ingest/parsers/dependency-finding";
import { field, isObject, type JsonObject, list, numberOf, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { finding } from "@/lib/ingest/parsers/code-scan-support";
import { jsonStart, readScanText } from "@/lib/ingest/scan-source";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanFinding, ScanParser, ScanRecord, ScanSeverity, ScanSource, Sniff } from "@/lib/ingest/scan-types";

// trivy image|fs|config|k8s --format json. Three shapes: SchemaVersion 2 ({Results: [...]}),
// the legacy top-level array of results (Trivy before 0.20), and trivy k8s ({ClusterName,
// Resources: [{Namespace, Kind, Name, Results}]}). One result is one target (an image's OS
// packages, a lockfile, a Dockerfile). A result can hold tens of thousands of vulnerabilities,
// so they stream one by one, in two passes: the first learns each result's target and every
// path of each vulnerable package, the second yields.

const tool = "trivy";

/**
 * Trivy's vulnerability statuses. All but not_affected leave the package vulnerable: "fixed"
 * means a fix exists (upgrade), will_not_fix / fix_deferred / end_of_life mean none is coming
 * from the distribution, affected / under_investigation / unknown mean none yet. not_affected
 * is the vendor saying this package is not vulnerable, so it is no finding.
 */
const notVulnerable = new Set(["not_affected"]);

const statusAdvice: Record<string, string> = {
  will_not_fix: "The distribution will not fix this in this release; remove the package, mitigate, or move to a newer base image.",
  fix_deferred: "The distribution has deferred the fix; mitigate or watch for an update.",
  end_of_life: "This release of the package or distribution is end of life and gets no fixes; upgrade the base image.",
  affected: "No fixed version is available yet.",
  under_investigation: "The vendor is still investigating; no fixed version is available yet.",
};

/** Trivy's VendorSeverity numbers. */
const vendorSeverities: ScanSeverity[] = ["info", "low", "medium", "high", "critical"];

/** Result Types whose packages live in an ecosystem with its own naming (for merging with other tools). */
const ecosystemOfType: Record<string, string> = {
  pip: "pypi",
  pipenv: "pypi",
  poetry: "pypi",
  "python-pkg": "pypi",
  uv: "pypi",
  conda: "pypi",
  npm: "npm",
  yarn: "npm",
  pnpm: "npm",
  bun: "npm",
  "node-pkg": "npm",
  jar: "maven",
  pom: "maven",
  gradle: "maven",
  sbt: "maven",
};

/** Container build and cluster objects are about how the thing is deployed; the rest (Terraform, CloudFormation…) is configuration. */
const deploymentTypes = new Set(["dockerfile", "kubernetes", "helm", "docker-compose", "containerfile"]);

type Target = { name: string; className: string; type: string; namespace: string | null };

function severityOf(v: JsonObject): ScanSeverity {
  const word = vulnerabilitySeverityWord(v.Severity);
  if (word) return word;
  const source = textOf(v.SeveritySource);
  const vendor = source ? numberOf(field(v.VendorSeverity, source)) : null;
  if (vendor !== null && vendor >= 1 && vendor <= 4) return vendorSeverities[vendor]!;
  const cvss = objects(Object.values(isObject(v.CVSS) ? v.CVSS : {}));
  const preferred = source && isObject(field(v.CVSS, source)) ? [field(v.CVSS, source) as JsonObject, ...cvss] : cvss;
  for (const c of preferred) {
    const severity = severityFromScoreOrVector(c.V40Score ?? c.V3Score, c.V40Vector ?? c.V3Vector) ?? severityFromScoreOrVector(c.V2Score, c.V2Vector);
    if (severity) return severity;
  }
  return "medium";
}

/** The package as other tools name it: from its purl when Trivy gives one, else by the result's type. */
function packageOf(v: JsonObject, target: Target): { name: string | null; version: string | null } {
  const purl = parsePurl(textOf(field(v.PkgIdentifier, "PURL")) ?? textOf(v.Ref));
  const installed = textOf(v.InstalledVersion);
  if (purl) return { name: packageFromPurl(purl).name, version: installed ?? purl.version };
  const name = textOf(v.PkgName);
  return { name: name ? ecosystemPackageName(ecosystemOfType[target.type] ?? null, name) : null, version: installed };
}

/**
 * What identifies the target across scans: a lockfile's path is stable, but an image target
 * ("app:main-159 (debian 10.13)") carries the tag, which changes every build, so OS packages
 * are keyed by the distribution instead. Trivy's own Fingerprint field includes the artifact
 * id (the image digest) for the same reason, so it is not used.
 */
const stableTarget = (target: Target) => (target.className === "os-pkgs" ? `os-pkgs:${target.type}` : target.name);

/** A vulnerability Trivy reports, with what identifies it; null when the vendor says the package is not affected. */
function vulnerabilityOf(v: unknown, target: Target, where: string) {
  if (!isObject(v)) throw new ScanShapeError("a vulnerability that is not an object", where);
  const id = textOf(v.VulnerabilityID);
  if (!id) throw new ScanShapeError("a vulnerability without a VulnerabilityID", where);
  const status = textOf(v.Status)?.toLowerCase() ?? null;
  if (status && notVulnerable.has(status)) return null;
  const ids = advisoryList([id, ...texts(v.VendorIDs)]);
  const pkg = packageOf(v, target);
  return { v, id, status, ids, pkg, path: textOf(v.PkgPath), key: dependencyKey(ids, id, pkg.name, pkg.version) };
}

function vulnerabilityFinding(found: NonNullable<ReturnType<typeof vulnerabilityOf>>, target: Target, paths: string[]): ScanFinding {
  const { v, id, status, ids, pkg } = found;
  const fixedVersion = firstFixedVersion(texts([v.FixedVersion]), pkg.version);
  return dependencyFinding({
    tool,
    ids,
    ruleId: id,
    summary: textOf(v.Title),
    description: paragraphs(textOf(v.Description) ?? textOf(v.Title), status ? `Status: ${status.replace(/_/g, " ")}.` : null, `Found in ${target.name}.`),
    severity: severityOf(v),
    packageName: pkg.name,
    installedVersion: pkg.version,
    fixedVersion,
    locations: uniqueLocations(paths.length ? paths : [target.name]),
    cwes: texts(v.CweIDs).map(normalizeCwe),
    references: [textOf(v.PrimaryURL), ...texts(v.References)],
    recommendation: fixedVersion ? undefined : (statusAdvice[status ?? ""] ?? null),
    target: stableTarget(target),
  });
}

/** A whole result's vulnerabilities (trivy k8s resources are read whole; they are small). */
function vulnerabilityFindings(vulnerabilities: unknown, target: Target, where: string): ScanFinding[] {
  const byKey = new Map<string, { found: NonNullable<ReturnType<typeof vulnerabilityOf>>; paths: string[] }>();
  for (const [i, v] of list(vulnerabilities).entries()) {
    const found = vulnerabilityOf(v, target, `${where}.${i}`);
    if (!found) continue;
    const seen = byKey.get(found.key);
    if (seen) seen.paths.push(...(found.path ? [found.path] : []));
    else byKey.set(found.key, { found, paths: found.path ? [found.path] : [] });
  }
  return [...byKey.values()].map(({ found, paths }) => vulnerabilityFinding(found, target, paths));
}

function misconfigurationFinding(m: JsonObject, target: Target): ScanFinding | null {
  // PASS and EXCEPTION are checks that held or were waived.
  if ((textOf(m.Status) ?? "FAIL").toUpperCase() !== "FAIL") return null;
  const id = textOf(m.AVDID) ?? textOf(m.ID);
  const ruleId = textOf(m.ID) ?? id;
  if (!ruleId) throw new ScanShapeError("a misconfiguration without an ID", target.name);
  const cause = isObject(m.CauseMetadata) ? m.CauseMetadata : {};
  const line = numberOf(cause.StartLine);
  const message = textOf(m.Message) ?? textOf(m.Title) ?? ruleId;
  const file = locationOf(target, textOf(cause.Resource));
  return finding(
    {
      tool,
      ruleId,
      title: titleText(`${ruleId} ${textOf(m.Title) ?? ""}: ${message}`),
      description: paragraphs(textOf(m.Description), message !== textOf(m.Description) ? message : null, codeOf(cause.Code)),
      severity: severityFromWord(textOf(m.Severity)) ?? "medium",
      kind: "misconfiguration",
      category: deploymentTypes.has(target.type.toLowerCase()) ? "deployment" : "configuration",
      fingerprint: fingerprintOf(tool, ruleId, file, normalizeForFingerprint(message)),
    },
    {
      locations: [{ file, line: line !== null && line > 0 ? line : null }],
      recommendation: textOf(m.Resolution),
      references: [...new Set([textOf(m.PrimaryURL), ...texts(m.References)].filter((r): r is string => Boolean(r)))],
    },
  );
}

function secretFinding(s: JsonObject, target: Target): ScanFinding {
  const ruleId = textOf(s.RuleID);
  if (!ruleId) throw new ScanShapeError("a secret without a RuleID", target.name);
  const line = numberOf(s.StartLine);
  const title = textOf(s.Title) ?? ruleId;
  const match = textOf(s.Match) ?? "";
  return finding(
    {
      tool,
      ruleId,
      title: titleText(`${title} in ${target.name}`),
      description: paragraphs(`${title} (${textOf(s.Category) ?? "secret"}) found in ${target.name}.`, match ? `Match (redacted by Trivy): \`${match}\`` : null),
      severity: severityFromWord(textOf(s.Severity)) ?? "high",
      kind: "secret",
      category: "security",
      // The match is redacted by Trivy, so it is stable and safe to hash; the line is left out.
      fingerprint: fingerprintOf(tool, ruleId, slashes(target.name), normalizeForFingerprint(match || title)),
    },
    {
      locations: [{ file: slashes(target.name), line: line !== null && line > 0 ? line : null }],
      cwe: "CWE-798",
      recommendation: "Remove the secret from the file and its history, and revoke or rotate it.",
    },
  );
}

/**
 * A license Trivy's policy flags (restricted, reciprocal, unknown…). Readyboard has no
 * license kind; this is not a defect in code or configuration but a compliance question,
 * so it is filed as quality under the compliance category.
 */
function licenseFinding(l: JsonObject, target: Target): ScanFinding | null {
  const license = textOf(l.Name);
  if (!license) return null;
  const pkg = textOf(l.PkgName);
  const file = textOf(l.FilePath);
  const category = textOf(l.Category);
  const where = pkg ?? (file ? slashes(file) : target.name);
  return finding(
    {
      tool,
      ruleId: `license:${license}`,
      title: titleText(`${license} license in ${where}${category ? ` (${category})` : ""}`),
      description: paragraphs(`${where} is under ${license}${category ? `, which Trivy classes as ${category}` : ""}.`, `Found in ${target.name}.`),
      severity: severityFromWord(textOf(l.Severity)) ?? "medium",
      kind: "quality",
      category: "compliance",
      fingerprint: fingerprintOf(tool, `license:${license}`, pkg, file, stableTarget(target)),
    },
    {
      locations: uniqueLocations([file ?? target.name]),
      packageName: pkg,
      references: texts([l.Link]),
    },
  );
}

function codeOf(code: unknown): string | null {
  const lines = objects(field(code, "Lines")).flatMap((l) => (typeof l.Content === "string" ? [l.Content] : []));
  return lines.length ? `\`\`\`\n${lines.join("\n")}\n\`\`\`` : null;
}

function locationOf(target: Target, resource: string | null): string {
  const file = slashes(target.name);
  return target.namespace ? `${target.namespace}/${file}` : resource && !file ? resource : file;
}

function* resultFindings(result: unknown, where: string, namespace: string | null = null): Generator<ScanFinding> {
  if (!isObject(result)) throw new ScanShapeError("a result that is not an object", where);
  const target: Target = { name: textOf(result.Target) ?? "", className: textOf(result.Class) ?? "", type: textOf(result.Type) ?? "", namespace };
  yield* vulnerabilityFindings(result.Vulnerabilities, target, `${where}.Vulnerabilities`);
  for (const m of objects(result.Misconfigurations)) {
    const finding = misconfigurationFinding(m, target);
    if (finding) yield finding;
  }
  for (const s of objects(result.Secrets)) yield secretFinding(s, target);
  for (const l of objects(result.Licenses)) {
    const finding = licenseFinding(l, target);
    if (finding) yield finding;
  }
}

/** The streamed parts of a result, under "Results.*" (SchemaVersion 2) or "*" (the legacy array). */
const resultParts = ["Target", "Class", "Type", "Vulnerabilities", "Misconfigurations", "Secrets", "Licenses"] as const;

function patternsFor(root: string): PathPattern[] {
  const prefix: PathPattern = root === "[" ? [ANY] : ["Results", ANY];
  const parts = resultParts.map((part, i): PathPattern => (i < 3 ? [...prefix, part] : [...prefix, part, ANY]));
  // trivy k8s: each resource with its results; older releases split them by scanner.
  return root === "[" ? parts : [...parts, ["Trivy", "Version"], ["Resources", ANY], ["Vulnerabilities", ANY], ["Misconfigurations", ANY]];
}

const part = Object.fromEntries(resultParts.map((name, i) => [name, i])) as Record<(typeof resultParts)[number], number>;
const VERSION = resultParts.length;

type Item = { pattern: number; path: (string | number)[]; value: unknown };

const resultNo = (item: Item, root: string) => Number(item.path[root === "[" ? 0 : 1]);

/** Pass one: each result's target, and every path of each vulnerable package. */
async function survey(source: ScanSource, root: string) {
  const targets = new Map<number, Target>();
  const paths = new Map<string, string[]>();
  const targetOf = (no: number) => targets.get(no) ?? { name: "", className: "", type: "", namespace: null };
  let version: string | null = null;
  for await (const item of jsonItems(source.open(), patternsFor(root))) {
    if (item.pattern === VERSION) version = textOf(item.value);
    if (item.pattern > part.Vulnerabilities) continue;
    const no = resultNo(item, root);
    const target = targetOf(no);
    if (item.pattern === part.Target) target.name = textOf(item.value) ?? "";
    else if (item.pattern === part.Class) target.className = textOf(item.value) ?? "";
    else if (item.pattern === part.Type) target.type = textOf(item.value) ?? "";
    targets.set(no, target);
    if (item.pattern !== part.Vulnerabilities) continue;
    const found = vulnerabilityOf(item.value, target, item.path.join("."));
    if (!found) continue;
    const key = `${no}\u0000${found.key}`;
    const packagePaths = paths.get(key) ?? [];
    if (found.path) packagePaths.push(found.path);
    paths.set(key, packagePaths);
  }
  return { version, paths, targetOf };
}

export const trivyParser: ScanParser = {
  format: "trivy",
  name: "Trivy JSON",
  produces: "findings",
  detect: (sniff: Sniff) => {
    if (sniff.syntax !== "json") return false;
    const k = sniff.keys;
    if (sniff.root === "array") return k.has("*.Target") && (k.has("*.Vulnerabilities") || k.has("*.Type") || k.has("*.Class"));
    if (k.has("SchemaVersion") && (k.has("Results") || k.has("ArtifactName"))) return true;
    return k.has("ClusterName") && (k.has("Resources") || k.has("Vulnerabilities") || k.has("Misconfigurations"));
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    const root = await rootOf(source);
    // The legacy format writes a bare null when nothing was found.
    if (root === "null") {
      yield { type: "tool", name: tool, version: null };
      return;
    }
    const { version, paths, targetOf } = await survey(source, root);
    yield { type: "tool", name: tool, version };
    const emitted = new Set<string>();
    for await (const item of jsonItems(source.open(), patternsFor(root))) {
      const where = item.path.join(".");
      if (item.pattern > VERSION) {
        // A k8s resource, read whole: a workload's results are small.
        for (const finding of resourceFindings(item.value, where)) yield { type: "finding", finding };
        continue;
      }
      if (item.pattern < part.Vulnerabilities || item.pattern === VERSION) continue;
      const no = resultNo(item, root);
      const target = targetOf(no);
      const finding = partFinding(item, target, where, paths, emitted, no);
      if (finding) yield { type: "finding", finding };
    }
  },
};

function partFinding(item: Item, target: Target, where: string, paths: Map<string, string[]>, emitted: Set<string>, no: number): ScanFinding | null {
  if (!isObject(item.value)) throw new ScanShapeError("an entry that is not an object", where);
  if (item.pattern === part.Misconfigurations) return misconfigurationFinding(item.value, target);
  if (item.pattern === part.Secrets) return secretFinding(item.value, target);
  if (item.pattern === part.Licenses) return licenseFinding(item.value, target);
  const found = vulnerabilityOf(item.value, target, where);
  if (!found) return null;
  const key = `${no}\u0000${found.key}`;
  if (emitted.has(key)) return null;
  emitted.add(key);
  return vulnerabilityFinding(found, target, paths.get(key) ?? []);
}

/** "[", "{" or "null": which of Trivy's shapes the file has, from its first bytes. */
async function rootOf(source: ScanSource): Promise<string> {
  const start = await jsonStart(source);
  if (start === "n" && source.size < 64 && (await readScanText(source)).trim() === "null") return "null";
  return start;
}

function* resourceFindings(resource: unknown, where: string): Generator<ScanFinding> {
  if (!isObject(resource)) throw new ScanShapeError("a resource that is not an object", where);
  const namespace = textOf(resource.Namespace);
  for (const [i, result] of list(resource.Results).entries()) yield* resultFindings(result, `${where}.Results.${i}`, namespace);
}
