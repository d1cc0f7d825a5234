import { ANY, jsonItems } from "@/lib/ingest/json-items";
import { normalizeCwe, paragraphs } from "@/lib/ingest/normalize";
import {
  advisoryList,
  dependencyFinding,
  dependencyKey,
  ecosystemPackageName,
  firstFixedVersion,
  moreSevere,
  severityFromScoreOrVector,
  uniqueLocations,
  vulnerabilitySeverityWord,
} from "@/lib/ingest/parsers/dependency-finding";
import { field, isObject, type JsonObject, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanFinding, ScanParser, ScanRecord, ScanSeverity } from "@/lib/ingest/scan-types";

// osv-scanner --format json: {results: [{source: {path, type}, packages: [{package: {name,
// version, ecosystem}, vulnerabilities: [OSV records], groups: [{ids, aliases, max_severity}]}]}]}.
// OSV lists one record per database (a GHSA and a PYSEC for the same CVE); osv-scanner's groups
// say which records are the same vulnerability, and a group is one finding, as osv-scanner
// shows it. Packages stream one by one; each result's source comes before its packages.

const tool = "osv-scanner";

/** OSV ecosystem names, where they differ from purl types. */
const purlTypeOf: Record<string, string> = { pypi: "pypi", npm: "npm", maven: "maven", go: "golang", packagist: "composer", "crates.io": "cargo" };

function ecosystemOf(ecosystem: string | null): string | null {
  return ecosystem ? (purlTypeOf[ecosystem.toLowerCase()] ?? ecosystem.toLowerCase()) : null;
}

/** Which records belong together: osv-scanner's groups, else each record with the ones sharing an alias. */
function groupsOf(pkg: JsonObject, records: JsonObject[]): { records: JsonObject[]; maxSeverity: unknown }[] {
  const byId = new Map(records.flatMap((r) => (textOf(r.id) ? [[textOf(r.id)!, r] as const] : [])));
  const used = new Set<string>();
  const groups: { records: JsonObject[]; maxSeverity: unknown }[] = [];
  for (const group of objects(pkg.groups)) {
    const members = texts(group.ids).flatMap((id): JsonObject[] => {
      const record = byId.get(id);
      return record ? [record] : [];
    });
    if (!members.length) continue;
    for (const m of members) used.add(textOf(m.id)!);
    groups.push({ records: members, maxSeverity: group.max_severity });
  }
  for (const record of records) {
    const id = textOf(record.id);
    if (!id || used.has(id)) continue;
    const names = new Set([id, ...texts(record.aliases)]);
    const members = records.filter((r) => !used.has(textOf(r.id) ?? "") && [textOf(r.id), ...texts(r.aliases)].some((n) => n && names.has(n)));
    for (const m of members) used.add(textOf(m.id) ?? "");
    groups.push({ records: members, maxSeverity: null });
  }
  return groups;
}

function recordSeverity(record: JsonObject): ScanSeverity | null {
  const word = vulnerabilitySeverityWord(field(record.database_specific, "severity"));
  if (word) return word;
  let best: ScanSeverity | null = null;
  for (const s of objects(record.severity)) {
    const severity = severityFromScoreOrVector(null, s.score) ?? severityFromScoreOrVector(s.score);
    if (severity) best = best ? moreSevere(best, severity) : severity;
  }
  return best;
}

/** The first fixed version of this package in the records' affected ranges. */
function fixedVersionOf(records: JsonObject[], name: string | null, installed: string | null): string | null {
  const fixes: string[] = [];
  for (const record of records) {
    for (const affected of objects(record.affected)) {
      if (name && textOf(field(affected.package, "name")) !== name) continue;
      for (const range of objects(affected.ranges)) fixes.push(...objects(range.events).flatMap((e) => textOf(e.fixed) ?? []));
    }
  }
  return firstFixedVersion(fixes.filter((f) => !/^[0-9a-f]{40}$/i.test(f)), installed);
}

function cwesOf(records: JsonObject[]): (string | null)[] {
  return records.flatMap((r) => [
    ...texts(field(r.database_specific, "cwe_ids")).map(normalizeCwe),
    ...objects(r.affected).flatMap((a) => objects(field(a.database_specific, "cwes")).map((c) => normalizeCwe(c.cweId))),
  ]);
}

function packageFindings(pkg: JsonObject, sourcePath: string | null, where: string): ScanFinding[] {
  const info = isObject(pkg.package) ? pkg.package : {};
  const rawName = textOf(info.name);
  const version = textOf(info.version);
  const packageName = rawName ? ecosystemPackageName(ecosystemOf(textOf(info.ecosystem)), rawName) : null;
  const records = objects(pkg.vulnerabilities);
  return groupsOf(pkg, records).map(({ records: group, maxSeverity }) => {
    const primary = group[0]!;
    const id = textOf(primary.id);
    if (!id) throw new ScanShapeError("a vulnerability without an id", where);
    const ids = advisoryList(group.map((r) => textOf(r.id)), ...group.flatMap((r) => texts(r.aliases)));
    const rated = group.map(recordSeverity).filter((s): s is ScanSeverity => s !== null);
    return dependencyFinding({
      tool,
      ids,
      ruleId: id,
      summary: group.map((r) => textOf(r.summary)).find(Boolean) ?? null,
      description: paragraphs(group.map((r) => textOf(r.details)).find(Boolean) ?? group.map((r) => textOf(r.summary)).find(Boolean)),
      severity: severityFromScoreOrVector(maxSeverity) ?? (rated.length ? rated.reduce(moreSevere) : "medium"),
      packageName,
      installedVersion: version,
      fixedVersion: fixedVersionOf(group, rawName, version),
      locations: uniqueLocations([sourcePath]),
      cwes: cwesOf(group),
      references: group.flatMap((r) => objects(r.references).map((ref) => textOf(ref.url))),
      target: sourcePath,
    });
  });
}

export const osvScannerParser: ScanParser = {
  format: "osv-scanner",
  name: "OSV-Scanner JSON",
  produces: "findings",
  detect: (sniff) =>
    sniff.syntax === "json" &&
    sniff.root === "object" &&
    (sniff.keys.has("results.*.packages") || sniff.keys.has("results.*.source.path")) &&
    (sniff.keys.has("results.*.source") || sniff.keys.has("results.*.packages.*.package")),
  async *parse(source): AsyncGenerator<ScanRecord> {
    yield { type: "tool", name: tool, version: null };
    const sources = new Map<number, string | null>();
    const seen = new Set<string>();
    for await (const { pattern, path, value } of jsonItems(source.open(), [["results", ANY, "source"], ["results", ANY, "packages", ANY]])) {
      const result = Number(path[1]);
      if (pattern === 0) {
        sources.set(result, textOf(field(value, "path")));
        continue;
      }
      if (!isObject(value)) throw new ScanShapeError("a package entry that is not an object", path.join("."));
      for (const finding of packageFindings(value, sources.get(result) ?? null, path.join("."))) {
        const key = dependencyKey(finding.aliases, finding.ruleId, finding.packageName, finding.installedVersion) + `\u0000${finding.locations[0]?.file ?? ""}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield { type: "finding", finding };
      }
    }
  },
};
