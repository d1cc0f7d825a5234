import { normalizeCwe, paragraphs } from "@/lib/ingest/normalize";
import {
  advisoryList,
  dependencyFinding,
  dependencyKey,
  firstFixedVersion,
  severityFromScoreOrVector,
  uniqueLocations,
  vulnerabilitySeverityWord,
  vulnerableRangeEnds,
} from "@/lib/ingest/parsers/dependency-finding";
import { field, isObject, type JsonObject, list, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { readScanJson } from "@/lib/ingest/scan-source";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanFinding, ScanParser, ScanRecord } from "@/lib/ingest/scan-types";

// npm audit --json (npm 7+, auditReportVersion 2): {vulnerabilities: {<package>: {severity,
// via, effects, range, nodes, fixAvailable}}}. A package's `via` holds either advisories (the
// package itself is vulnerable) or names of the packages it depends on that are. Only the
// advisories are findings: "vercel is vulnerable via @vercel/fun via debug" is one problem,
// debug's, and counting each package on the way would report it three times under names the
// import could never merge with another tool's. The dependents and the fix npm proposes are
// kept in the finding's text. The report is small (one entry per vulnerable package), so it
// is read whole.

const tool = "npm-audit";

type Entry = { name: string; entry: JsonObject };

/** The packages that reach `name` through `via` names, for the "introduced through" text. */
function dependentsOf(name: string, entries: Entry[]): string[] {
  return entries.filter((e) => list(e.entry.via).some((v) => v === name)).map((e) => e.name);
}

function fixText(fix: unknown, name: string): string | null {
  if (fix === true) return `Run \`npm audit fix\` to update ${name}.`;
  if (!isObject(fix)) return fix === false ? "npm knows no fix yet." : null;
  const target = textOf(fix.name);
  const version = textOf(fix.version);
  if (!target || !version) return null;
  const major = fix.isSemVerMajor === true ? " (a major version change)" : "";
  return target === name ? `Upgrade ${name} to ${version}${major}.` : `Upgrade ${target} to ${version}${major}, which no longer pulls in the vulnerable ${name}.`;
}

function advisoryFinding(advisory: JsonObject, owner: Entry, entries: Entry[]): ScanFinding {
  const packageName = textOf(advisory.name) ?? owner.name;
  const url = textOf(advisory.url);
  const ids = advisoryList([], url, textOf(advisory.title));
  const ruleId = ids[0] ?? (textOf(advisory.source) ? `npm:${textOf(advisory.source)}` : null);
  const fix = owner.entry.fixAvailable;
  // npm names the version only when the fix is an update of this very package.
  const ownFix = isObject(fix) && textOf(fix.name) === packageName ? textOf(fix.version) : null;
  const fixedVersion = ownFix ?? firstFixedVersion(vulnerableRangeEnds(textOf(advisory.range)), null);
  const dependents = dependentsOf(packageName, entries);
  return dependencyFinding({
    tool,
    ids: ids.length ? ids : ruleId ? [ruleId] : [],
    ruleId,
    summary: textOf(advisory.title),
    description: paragraphs(
      textOf(advisory.title),
      textOf(advisory.range) ? `Vulnerable versions: ${textOf(advisory.range)}.` : null,
      dependents.length ? `Depended on by: ${dependents.join(", ")}.` : null,
    ),
    severity: vulnerabilitySeverityWord(advisory.severity) ?? severityFromScoreOrVector(field(advisory.cvss, "score"), field(advisory.cvss, "vectorString")) ?? "medium",
    packageName,
    // npm audit states the vulnerable range, not the version in the tree.
    installedVersion: null,
    fixedVersion,
    locations: uniqueLocations(texts(owner.entry.nodes)),
    cwes: texts(advisory.cwe).map(normalizeCwe),
    references: [url],
    recommendation: fixText(fix, packageName) ?? undefined,
  });
}

export const npmAuditParser: ScanParser = {
  format: "npm-audit",
  name: "npm audit JSON (npm 7+)",
  produces: "findings",
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "object" && sniff.keys.has("auditReportVersion") && sniff.keys.has("vulnerabilities"),
  async *parse(source): AsyncGenerator<ScanRecord> {
    const report = await readScanJson(source);
    if (!isObject(report) || !("auditReportVersion" in report)) throw new ScanShapeError("not an npm audit report: auditReportVersion is missing", "");
    yield { type: "tool", name: tool, version: null };
    const vulnerabilities = isObject(report.vulnerabilities) ? report.vulnerabilities : {};
    const entries: Entry[] = Object.entries(vulnerabilities).flatMap(([name, entry]) => (isObject(entry) ? [{ name: textOf(entry.name) ?? name, entry }] : []));
    const seen = new Set<string>();
    for (const owner of entries) {
      for (const via of list(owner.entry.via)) {
        if (!isObject(via)) continue;
        const finding = advisoryFinding(via, owner, entries);
        const key = dependencyKey(finding.aliases, finding.ruleId, finding.packageName, finding.installedVersion);
        if (seen.has(key)) continue;
        seen.add(key);
        yield { type: "finding", finding };
      }
    }
  },
};
