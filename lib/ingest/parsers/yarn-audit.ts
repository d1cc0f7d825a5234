import { normalizeCwe, paragraphs, titleText } from "@/lib/ingest/normalize";
import {
  advisoryList,
  bulletList,
  dependencyFinding,
  dependencyKey,
  firstFixedVersion,
  patchedRangeStarts,
  vulnerabilitySeverityWord,
  vulnerableRangeEnds,
} from "@/lib/ingest/parsers/dependency-finding";
import { isObject, type JsonObject, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { readScanJsonLines } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanParser, ScanRecord, Sniff } from "@/lib/ingest/scan-types";

// Two tools under one name, both one JSON object a line:
// - yarn v1 `yarn audit --json`: {type: "auditAdvisory", data: {advisory, resolution}} once per
//   dependency path, then an auditSummary. One advisory is repeated for every path, and names
//   every installed version in advisory.findings, so findings are per advisory and version.
// - yarn berry `yarn npm audit --json`: {value: <package>, children: {ID, Issue, URL, Severity,
//   "Vulnerable Versions", "Tree Versions", Dependents}}. An ID ending in "(deprecation)" is a
//   deprecated package, not a vulnerability.
// The same CVE can come from two advisories (npm re-published GitHub's); it is one finding.

const tool = "yarn-audit";

const v1Record = /"type"\s*:\s*"(?:auditAdvisory|auditSummary|auditAction)"/;

function v1Findings(advisory: JsonObject): ScanFinding[] {
  const packageName = textOf(advisory.module_name);
  const id = textOf(advisory.id);
  const ids = advisoryList([textOf(advisory.github_advisory_id), ...texts(advisory.cves)], textOf(advisory.url));
  const ruleId = ids[0] ?? (id ? `npm:${id}` : null);
  // Versions as installed, each with the dependency paths that bring it in.
  const byVersion = new Map<string, string[]>();
  for (const f of objects(advisory.findings)) {
    const version = textOf(f.version) ?? "";
    byVersion.set(version, [...(byVersion.get(version) ?? []), ...texts(f.paths)]);
  }
  if (!byVersion.size) byVersion.set("", []);
  const patched = textOf(advisory.patched_versions);
  const cwes = [...texts(advisory.cwe), ...texts([advisory.cwe])].map(normalizeCwe);
  return [...byVersion].map(([version, paths]) =>
    dependencyFinding({
      tool,
      ids: ids.length ? ids : ruleId ? [ruleId] : [],
      ruleId,
      summary: textOf(advisory.title),
      description: paragraphs(
        textOf(advisory.overview) ?? textOf(advisory.title),
        textOf(advisory.vulnerable_versions) ? `Vulnerable versions: ${textOf(advisory.vulnerable_versions)}; patched: ${patched ?? "none"}.` : null,
        bulletList("Dependency paths:", paths),
      ),
      severity: vulnerabilitySeverityWord(advisory.severity) ?? "medium",
      packageName,
      installedVersion: version || null,
      fixedVersion: firstFixedVersion(patchedRangeStarts(patched), version || null),
      cwes,
      references: [textOf(advisory.url), ...(textOf(advisory.references)?.match(/https?:\/\/[^\s)\]]+/g) ?? [])],
      recommendation: textOf(advisory.recommendation) ?? undefined,
    }),
  );
}

function berryFindings(record: JsonObject): ScanFinding[] {
  const children = isObject(record.children) ? record.children : {};
  const name = textOf(record.value);
  const id = textOf(children.ID);
  const issue = textOf(children.Issue);
  const versions = texts(children["Tree Versions"]);
  const vulnerable = textOf(children["Vulnerable Versions"]);
  const dependents = texts(children.Dependents).map((d) => d.replace(/@virtual:[0-9a-f]+#/, "@"));
  const deprecated = id?.endsWith("(deprecation)") ?? false;
  const ids = deprecated ? [] : advisoryList([], textOf(children.URL), issue);
  const ruleId = deprecated ? "deprecation" : (ids[0] ?? (id ? `npm:${id}` : null));
  return (versions.length ? versions : [null]).map((version) => {
    const finding = dependencyFinding({
      tool,
      ids: ids.length ? ids : ruleId && !deprecated ? [ruleId] : [],
      ruleId,
      summary: issue,
      description: paragraphs(issue, vulnerable && !deprecated ? `Vulnerable versions: ${vulnerable}.` : null, dependents.length ? `Depended on by: ${dependents.join(", ")}.` : null),
      severity: vulnerabilitySeverityWord(children.Severity) ?? "medium",
      packageName: name,
      installedVersion: version,
      fixedVersion: deprecated ? null : firstFixedVersion(vulnerableRangeEnds(vulnerable), version),
      references: [textOf(children.URL)],
      recommendation: deprecated ? "Replace the deprecated package with the one its notice names." : undefined,
      kind: deprecated ? "quality" : "vulnerability",
    });
    return deprecated ? { ...finding, title: titleText(`${[name, version].filter(Boolean).join(" ")} is deprecated: ${issue ?? ""}`) } : finding;
  });
}

export const yarnAuditParser: ScanParser = {
  format: "yarn-audit",
  name: "yarn audit JSON (v1 and berry)",
  produces: "findings",
  detect: (sniff: Sniff) => {
    if (sniff.syntax !== "jsonl" && sniff.syntax !== "json") return false;
    if (sniff.root !== "object") return false;
    const k = sniff.keys;
    if (k.has("value") && k.has("children") && (k.has("children.ID") || k.has("children.Issue") || k.has("children.Severity"))) return true;
    return k.has("type") && k.has("data") && v1Record.test(sniff.head);
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    yield { type: "tool", name: tool, version: null };
    const seen = new Set<string>();
    for await (const { value } of readScanJsonLines(source)) {
      // Lines that are not audit records (info, warnings, a berry summary) say nothing to act on.
      if (!isObject(value)) continue;
      const data = value.data;
      const findings =
        value.type === "auditAdvisory" && isObject(data) && isObject(data.advisory) ? v1Findings(data.advisory) : "children" in value && isObject(value.children) ? berryFindings(value) : [];
      for (const finding of findings) {
        const key = dependencyKey(finding.aliases, finding.ruleId, finding.packageName, finding.installedVersion);
        if (seen.has(key)) continue;
        seen.add(key);
        yield { type: "finding", finding };
      }
    }
  },
};


