import { ANY, jsonItems } from "@/lib/ingest/json-items";
import { normalizeCwe, paragraphs } from "@/lib/ingest/normalize";
import {
  advisoryList,
  bulletList,
  dependencyFinding,
  dependencyKey,
  ecosystemPackageName,
  firstFixedVersion,
  moreSevere,
  packageFromPurl,
  parsePurl,
  severityFromScoreOrVector,
  uniqueLocations,
  vulnerabilitySeverityWord,
} from "@/lib/ingest/parsers/dependency-finding";
import { field, isObject, type JsonObject, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanFinding, ScanParser, ScanRecord, ScanSeverity, ScanSource } from "@/lib/ingest/scan-types";

// grype -o json: {matches: [{vulnerability, relatedVulnerabilities, matchDetails, artifact}],
// source, distro, descriptor}. Grype reports a package once per place it sits, so the same CVE
// in the same package version at two paths (libc.so.6 under /lib and /usr/lib) is two matches;
// for the user it is one thing to fix, so it is one finding with both paths. The file is read
// twice: first for each finding's paths and the version (descriptor comes last), then to yield.

const tool = "grype";

/** Artifact types whose names follow an ecosystem's rules, when Grype gives no purl. */
const ecosystemOfType: Record<string, string> = { python: "pypi", npm: "npm", "java-archive": "maven", "jenkins-plugin": "maven", "go-module": "golang" };

const fixAdvice: Record<string, string> = {
  "wont-fix": "The distribution will not fix this; remove the package, mitigate, or move to a newer base image.",
  "not-fixed": "No fixed version is available yet.",
};

type Match = { vulnerability: JsonObject; related: JsonObject[]; artifact: JsonObject };

function matchOf(value: unknown, where: string): Match {
  const vulnerability = field(value, "vulnerability");
  const artifact = field(value, "artifact");
  if (!isObject(vulnerability) || !textOf(vulnerability.id) || !isObject(artifact)) throw new ScanShapeError("a match without a vulnerability id or artifact", where);
  return { vulnerability, related: objects(field(value, "relatedVulnerabilities")), artifact };
}

function packageOf(artifact: JsonObject): { name: string | null; version: string | null } {
  const version = textOf(artifact.version);
  const purl = parsePurl(textOf(artifact.purl));
  if (purl) return { name: packageFromPurl(purl).name, version: version ?? purl.version };
  const name = textOf(artifact.name);
  const type = textOf(artifact.type) ?? "";
  const group = textOf(field(artifact.metadata, "pomGroupID"));
  return { name: name ? ecosystemPackageName(ecosystemOfType[type] ?? null, textOf(field(artifact.metadata, "pomArtifactID")) ?? name, group) : null, version };
}

/** Grype's own rating, else the related (NVD) record's, else the highest CVSS score; unrated is medium. */
function severityOf(match: Match): ScanSeverity {
  for (const v of [match.vulnerability, ...match.related]) {
    const word = vulnerabilitySeverityWord(v.severity);
    if (word) return word;
  }
  let best: ScanSeverity | null = null;
  for (const v of [match.vulnerability, ...match.related]) {
    for (const c of objects(v.cvss)) {
      const severity = severityFromScoreOrVector(field(c.metrics, "baseScore"), c.vector);
      if (severity) best = best ? moreSevere(best, severity) : severity;
    }
  }
  return best ?? "medium";
}

function keyOf(match: Match): string {
  const pkg = packageOf(match.artifact);
  const id = textOf(match.vulnerability.id)!;
  return dependencyKey(idsOf(match), id, pkg.name, pkg.version);
}

const idsOf = (match: Match) => advisoryList([textOf(match.vulnerability.id), ...match.related.map((r) => textOf(r.id))]);

const pathsOf = (artifact: JsonObject) => objects(artifact.locations).flatMap((l) => textOf(l.path) ?? []);

function findingOf(match: Match, paths: string[]): ScanFinding {
  const { vulnerability: v, related, artifact } = match;
  const id = textOf(v.id)!;
  const pkg = packageOf(artifact);
  const fix = isObject(v.fix) ? v.fix : {};
  const state = textOf(fix.state);
  const fixedVersion = state === "fixed" || state === null ? firstFixedVersion(texts(fix.versions), pkg.version) : null;
  const description = textOf(v.description) ?? related.map((r) => textOf(r.description)).find(Boolean) ?? null;
  return dependencyFinding({
    tool,
    ids: idsOf(match),
    ruleId: id,
    summary: [v, ...related].map((r) => textOf(r.description)).find((d) => d && d.length <= 160 && !d.includes("\n")) ?? null,
    description: paragraphs(description, state ? `Fix state: ${state}.` : null, paths.length > 1 ? bulletList("Found at:", paths) : null),
    severity: severityOf(match),
    packageName: pkg.name,
    installedVersion: pkg.version,
    fixedVersion,
    locations: uniqueLocations(paths),
    cwes: [...objects(v.cwes).map((c) => normalizeCwe(c.cwe)), ...texts(v.cwes).map(normalizeCwe)],
    references: [textOf(v.dataSource), ...texts(v.urls), ...objects(v.advisories).map((a) => textOf(a.link)), ...related.flatMap((r) => [textOf(r.dataSource), ...texts(r.urls)])],
    recommendation: fixedVersion ? undefined : (fixAdvice[state ?? ""] ?? null),
  });
}

/** Pass one: every finding's paths, and the tool version from the descriptor. */
async function survey(source: ScanSource): Promise<{ version: string | null; paths: Map<string, string[]> }> {
  const paths = new Map<string, string[]>();
  let version: string | null = null;
  for await (const { pattern, path, value } of jsonItems(source.open(), [["matches", ANY], ["descriptor", "version"]])) {
    if (pattern === 1) {
      version = textOf(value);
      continue;
    }
    const match = matchOf(value, path.join("."));
    const key = keyOf(match);
    const found = paths.get(key);
    if (found) found.push(...pathsOf(match.artifact));
    else paths.set(key, pathsOf(match.artifact));
  }
  return { version, paths };
}

export const grypeParser: ScanParser = {
  format: "grype",
  name: "Anchore Grype JSON",
  produces: "findings",
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "object" && sniff.keys.has("matches") && (sniff.keys.has("descriptor.name") || sniff.keys.has("descriptor")) && (sniff.keys.has("source") || sniff.keys.has("distro")),
  async *parse(source): AsyncGenerator<ScanRecord> {
    const { version, paths } = await survey(source);
    yield { type: "tool", name: tool, version };
    const emitted = new Set<string>();
    for await (const { path, value } of jsonItems(source.open(), [["matches", ANY]])) {
      const match = matchOf(value, path.join("."));
      const key = keyOf(match);
      if (emitted.has(key)) continue;
      emitted.add(key);
      yield { type: "finding", finding: findingOf(match, paths.get(key) ?? pathsOf(match.artifact)) };
    }
  },
};
