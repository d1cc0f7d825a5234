import { ANY, jsonItems } from "@/lib/ingest/json-items";
import { cwesIn, fingerprintOf, normalizeForFingerprint, paragraphs, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanFindingKind, ScanParser, ScanRecord, ScanSeverity, ScanSource, Sniff } from "@/lib/ingest/scan-types";
import { finding, lineOf, listItems, uniqueLocations } from "@/lib/ingest/parsers/code-scan-support";
import { field, isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// SonarQube findings in three JSON shapes: the Web API's api/issues/search and
// api/hotspots/search answers, and the JSON of the sonar-report tool (rules as a map, issues,
// hotspotKeys). sonar-report's HTML is a page for people, not a format: it is not detected here.
//
// Side data (components' paths, rules, which keys are hotspots) is read in a first pass, since
// the API writes components after the issues; issues and hotspots stream in the second.

// Sonar 10's own mapping of its legacy severities onto the impact scale: CRITICAL is HIGH, one
// step below BLOCKER, and MAJOR is MEDIUM. Sonar's CRITICAL is not our critical.
const severities: Record<string, ScanSeverity> = {
  BLOCKER: "critical",
  CRITICAL: "high",
  HIGH: "high",
  MAJOR: "medium",
  MEDIUM: "medium",
  MINOR: "low",
  LOW: "low",
  INFO: "info",
};
const severityRank: ScanSeverity[] = ["info", "low", "medium", "high", "critical"];

type Rule = { name: string | null; cwe: string | null };
type SideData = { paths: Map<string, string>; rules: Map<string, Rule>; hotspotKeys: Set<string>; baseUrl: string | null; project: string | null };

async function readSideData(source: ScanSource): Promise<SideData> {
  const side: SideData = { paths: new Map(), rules: new Map(), hotspotKeys: new Set(), baseUrl: null, project: null };
  const patterns = [["components", ANY], ["rules", ANY], ["hotspotKeys", ANY], ["sonarBaseURL"], ["sonarComponent"]];
  for await (const { pattern, path, value } of jsonItems(source.open(), patterns)) {
    if (pattern === 0) {
      const key = textOf(field(value, "key"));
      const file = textOf(field(value, "path")) ?? textOf(field(value, "longName"));
      if (key && file && textOf(field(value, "qualifier")) !== "TRK") side.paths.set(key, file);
    } else if (pattern === 1) {
      // The API lists rules; sonar-report keys them by rule id.
      const key = typeof path[1] === "string" ? path[1] : textOf(field(value, "key"));
      if (key) side.rules.set(key, { name: textOf(field(value, "name")), cwe: cwesIn(textOf(field(value, "htmlDesc")) ?? "")[0] ?? null });
    } else if (pattern === 2) {
      const key = textOf(value);
      if (key) side.hotspotKeys.add(key);
    } else if (pattern === 3) side.baseUrl = textOf(value)?.replace(/\/+$/, "") ?? null;
    else side.project = textOf(value);
  }
  return side;
}

/** Resolved as fixed, a false positive or removed: no longer something to do. */
function isSettled(item: JsonObject): boolean {
  const status = textOf(item.status)?.toUpperCase();
  const resolution = textOf(item.resolution)?.toUpperCase();
  const issueStatus = textOf(item.issueStatus)?.toUpperCase();
  if (status === "CLOSED" || issueStatus === "FIXED" || issueStatus === "FALSE_POSITIVE") return true;
  if (status === "RESOLVED" || status === "REVIEWED") return resolution === "FIXED" || resolution === "FALSE-POSITIVE" || resolution === "REMOVED" || resolution === "SAFE";
  return false;
}

/** The impacts' worst severity, preferring the security impact (Sonar 10.2+). */
function impactSeverity(impacts: unknown): { severity: ScanSeverity; security: boolean } | null {
  if (!Array.isArray(impacts)) return null;
  let best: { severity: ScanSeverity; security: boolean } | null = null;
  for (const impact of impacts) {
    const severity = severities[textOf(field(impact, "severity"))?.toUpperCase() ?? ""];
    if (!severity) continue;
    const security = textOf(field(impact, "softwareQuality")) === "SECURITY";
    if (!best || (security && !best.security) || (security === best.security && severityRank.indexOf(severity) > severityRank.indexOf(best.severity))) best = { severity, security };
  }
  return best;
}

function kindOf(item: JsonObject, hotspot: boolean, impactSecurity: boolean): ScanFindingKind {
  const type = textOf(item.type)?.toUpperCase();
  if (hotspot || impactSecurity || type === "VULNERABILITY" || type === "SECURITY_HOTSPOT") return "vulnerability";
  if (type === "BUG" || type === "CODE_SMELL") return "quality";
  // sonar-report lists vulnerabilities and hotspots and says nothing of their type.
  return impactSecurity || !Array.isArray(item.impacts) ? "vulnerability" : "quality";
}

function fileOf(component: string | null, side: SideData): string | null {
  if (!component) return null;
  const known = side.paths.get(component);
  if (known) return known;
  // "project:src/app.py" — the key is the project's, then the path.
  const colon = component.indexOf(":");
  return colon >= 0 && !component.slice(colon + 1).includes(":") ? component.slice(colon + 1) : component;
}

function link(side: SideData, key: string, hotspot: boolean): string | null {
  if (!side.baseUrl || !side.project) return null;
  const id = encodeURIComponent(side.project);
  return hotspot ? `${side.baseUrl}/security_hotspots?id=${id}&hotspots=${encodeURIComponent(key)}` : `${side.baseUrl}/project/issues?id=${id}&open=${encodeURIComponent(key)}`;
}

function itemFinding(item: JsonObject, where: string, fromHotspots: boolean, side: SideData) {
  const ruleId = textOf(item.rule) ?? textOf(item.ruleKey) ?? textOf(field(item.rule, "key"));
  const key = textOf(item.key);
  const hotspot = fromHotspots || (key !== null && side.hotspotKeys.has(key));
  if (!ruleId && !key) throw new ScanShapeError("an issue without a key or rule", where);
  const rule = ruleId ? side.rules.get(ruleId) : undefined;
  const file = fileOf(textOf(item.component), side);
  const message = textOf(item.message) ?? textOf(item.description) ?? rule?.name ?? ruleId ?? "SonarQube issue";
  const impact = impactSeverity(item.impacts);
  const word = textOf(fromHotspots ? item.vulnerabilityProbability : item.severity)?.toUpperCase() ?? "";
  const kind = kindOf(item, hotspot, impact?.security ?? false);
  const url = key ? link(side, key, hotspot) : null;
  return finding(
    {
      tool: "sonarqube",
      ruleId,
      title: titleText(message),
      description: paragraphs(
        message,
        rule?.name ?? textOf(item.description),
        hotspot ? `Security hotspot${textOf(item.securityCategory) ? ` (${textOf(item.securityCategory)})` : ""}: to be reviewed in SonarQube.` : null,
        textOf(item.status) ? `Status: ${textOf(item.status)}` : null,
      ),
      severity: impact?.severity ?? severities[word] ?? "medium",
      kind,
      category: kind === "vulnerability" ? "security" : "implementation",
      fingerprint: key ? fingerprintOf("sonarqube", "id", key) : fingerprintOf("sonarqube", ruleId, file, normalizeForFingerprint(message)),
    },
    {
      locations: uniqueLocations([{ file, line: lineOf(item.line) ?? lineOf(field(item.textRange, "startLine")) }]),
      cwe: rule?.cwe ?? null,
      references: url ? [url] : [],
    },
  );
}

const has = (sniff: Sniff, ...keys: string[]) => keys.every((key) => sniff.keys.has(key));

export const sonarqubeParser: ScanParser = {
  format: "sonarqube",
  name: "SonarQube JSON (issues and hotspots API, sonar-report)",
  produces: "findings",
  detect: (sniff) => {
    if (sniff.syntax !== "json" || sniff.root !== "object") return false;
    const sonarReport = sniff.keys.has("issues") && (sniff.keys.has("sonarBaseURL") || sniff.keys.has("sonarComponent") || sniff.keys.has("hotspotKeys"));
    const paged = has(sniff, "paging.pageIndex", "paging.pageSize") || has(sniff, "p", "ps", "total");
    const issuesApi = sniff.keys.has("issues") && paged && (has(sniff, "issues.*.rule", "issues.*.component") || ![...sniff.keys].some((k) => k.startsWith("issues.")));
    const hotspotsApi = sniff.keys.has("hotspots") && (sniff.keys.has("hotspots.*.vulnerabilityProbability") || sniff.keys.has("hotspots.*.securityCategory") || paged);
    return sonarReport || issuesApi || hotspotsApi;
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    if ((await jsonStart(source)) !== "{") throw new ScanShapeError("expected an object with issues or hotspots", "");
    yield { type: "tool", name: "sonarqube", version: null };
    const side = await readSideData(source);
    for await (const { value, path, pattern } of listItems(source, [["issues", ANY], ["hotspots", ANY]])) {
      if (!isObject(value)) throw new ScanShapeError("an issue that is not an object", path.join("."));
      if (isSettled(value)) continue;
      yield { type: "finding", finding: itemFinding(value, path.join("."), pattern === 1, side) };
    }
  },
};
