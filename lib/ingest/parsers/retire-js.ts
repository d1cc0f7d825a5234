import { normalizeCwe, paragraphs } from "@/lib/ingest/normalize";
import {
  advisoryList,
  dependencyFinding,
  dependencyKey,
  ecosystemPackageName,
  firstFixedVersion,
  uniqueLocations,
  vulnerabilitySeverityWord,
} from "@/lib/ingest/parsers/dependency-finding";
import { isObject, type JsonObject, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { readScanJson } from "@/lib/ingest/scan-source";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanFinding, ScanParser, ScanRecord, Sniff } from "@/lib/ingest/scan-types";

// retire --outputformat json: {version, start, data: [{file, results: [{component, version,
// vulnerabilities: [{severity, identifiers: {CVE, summary, githubID, issue}, info, below,
// atOrAbove}]}]}], messages, errors, time}; before retire 2 the bare data array. Retire's
// database lists some CVEs twice for one library (jQuery's CVE-2015-9251 under two issues),
// and one library version may be bundled in several files; each is one finding per CVE and
// library version, with every file. The report is small and read whole.

const tool = "retire-js";

type Found = { finding: ScanFinding; files: string[] };

function vulnerabilityFinding(v: JsonObject, component: string, version: string | null, file: string | null): ScanFinding {
  const identifiers = isObject(v.identifiers) ? v.identifiers : {};
  const summary = textOf(identifiers.summary);
  const ids = advisoryList([...texts(identifiers.CVE), textOf(identifiers.githubID), textOf(identifiers.retid)]);
  // Retire has advisories with no id at all; the summary is then what names the rule.
  const ruleId = ids[0] ?? summary ?? textOf(identifiers.issue) ?? textOf(identifiers.bug);
  if (!ruleId) throw new ScanShapeError("a vulnerability without identifiers", `${file ?? ""} ${component}`);
  const below = textOf(v.below);
  return dependencyFinding({
    tool,
    ids,
    ruleId,
    summary,
    description: paragraphs(
      summary,
      below ? `Affected: ${textOf(v.atOrAbove) ? `${textOf(v.atOrAbove)} and later, ` : ""}below ${below}.` : null,
      textOf(identifiers.issue) ? `Issue ${textOf(identifiers.issue)}.` : null,
    ),
    severity: vulnerabilitySeverityWord(v.severity) ?? "medium",
    packageName: ecosystemPackageName("npm", component),
    installedVersion: version,
    fixedVersion: firstFixedVersion(below ? [below] : [], version),
    cwes: texts(v.cwe).map(normalizeCwe),
    references: texts(v.info),
  });
}

export const retireJsParser: ScanParser = {
  format: "retire-js",
  name: "retire.js JSON",
  produces: "findings",
  detect: (sniff: Sniff) => {
    if (sniff.syntax !== "json") return false;
    const k = sniff.keys;
    if (sniff.root === "array") return k.has("*.file") && k.has("*.results");
    return k.has("data") && k.has("version") && ((k.has("start") && k.has("time")) || k.has("data.*.results"));
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    const report = await readScanJson(source);
    const data = Array.isArray(report) ? report : isObject(report) && Array.isArray(report.data) ? report.data : null;
    if (!data) throw new ScanShapeError("not a retire.js report: no data list", "");
    yield { type: "tool", name: tool, version: isObject(report) ? textOf(report.version) : null };
    const found = new Map<string, Found>();
    for (const entry of objects(data)) {
      const file = textOf(entry.file);
      for (const result of objects(entry.results)) {
        const component = textOf(result.component);
        if (!component) continue;
        const version = textOf(result.version);
        for (const v of objects(result.vulnerabilities)) {
          const finding = vulnerabilityFinding(v, component, version, file);
          const key = dependencyKey(finding.aliases, finding.ruleId, finding.packageName, finding.installedVersion);
          const seen = found.get(key);
          if (seen) seen.files.push(...(file ? [file] : []));
          else found.set(key, { finding, files: file ? [file] : [] });
        }
      }
    }
    for (const { finding, files } of found.values()) yield { type: "finding", finding: { ...finding, locations: uniqueLocations(files) } };
  },
};
