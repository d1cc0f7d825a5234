import { advisoryIds, cwesIn, firstText, normalizeCwe, severityFromScore, severityFromWord } from "@/lib/ingest/normalize";
import type { ScanFindingKind, ScanSeverity } from "@/lib/ingest/scan-types";

// What a SARIF rule (reportingDescriptor) says about every result that points at it. A log of
// 100,000 results has a few hundred rules, so this is worked out once per rule and looked up.

export type JsonObject = Record<string, unknown>;

export const asObject = (value: unknown): JsonObject | null => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null);
export const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
export const asString = (value: unknown): string | null => (typeof value === "string" ? value : null);
export const asIndex = (value: unknown): number | null => (typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null);
/** A multiformatMessageString ({text, markdown}) as text. */
export const textOf = (value: unknown): string | null => firstText(asObject(value)?.text, asObject(value)?.markdown);

const levelSeverities = new Map<string, ScanSeverity>([
  ["error", "high"],
  ["warning", "medium"],
  ["note", "low"],
  ["none", "info"],
]);

/** SARIF's level on the common scale; null when absent, so the next source of severity is asked. */
export function severityOfLevel(level: unknown): ScanSeverity | null {
  if (typeof level !== "string") return null;
  return levelSeverities.get(level.trim().toLowerCase()) ?? severityFromWord(level);
}

/** GitHub's security-severity is a CVSS score as a string; Semgrep writes a word there instead. */
export function severityOfSecuritySeverity(value: unknown): ScanSeverity | null {
  if (typeof value === "number") return severityFromScore(value);
  if (typeof value !== "string") return null;
  return severityFromScore(value) ?? severityFromWord(value);
}

type ToolFamily = "secrets" | "infrastructure" | "container" | "dependencies" | "general";

/** Keyed by the driver's name lower-cased with everything but letters and digits dropped. */
const toolFamilies = new Map<string, ToolFamily>([
  ["gitleaks", "secrets"],
  ["trufflehog", "secrets"],
  ["detectsecrets", "secrets"],
  ["checkov", "infrastructure"],
  ["tfsec", "infrastructure"],
  ["kics", "infrastructure"],
  ["terrascan", "infrastructure"],
  ["dockle", "container"],
  ["hadolint", "container"],
  ["grype", "dependencies"],
  ["dependencycheck", "dependencies"],
  ["osvscanner", "dependencies"],
  ["snykopensource", "dependencies"],
]);

export type ToolProfile = { name: string; family: ToolFamily };

/** "Semgrep OSS" is the same tool as Semgrep's own JSON calls "semgrep": the edition is dropped. */
export function toolProfile(driverName: string): ToolProfile {
  const name = driverName.trim().toLowerCase().replace(/\s+/g, " ").replace(/ (?:oss|pro|community(?: edition)?)$/, "");
  return { name, family: toolFamilies.get(name.replace(/[^a-z0-9]/g, "")) ?? "general" };
}

export type PackageFacts = { name: string; installed: string | null; fixed: string | null };

const packageLine = /^Package: *(\S.*)$/m;
const installedLine = /^(?:Installed )?Version: *(\S.*)$/m;
const fixedLine = /^Fix(?:ed)? Version: *(\S.*)$/m;

/** Grype and Trivy spell the package out as "Package: x / Version: y" lines in help or message text. */
export function packageFactsIn(text: string | null): PackageFacts | null {
  const name = text?.includes("Package:") ? packageLine.exec(text)?.[1]?.trim() : undefined;
  if (!text || !name) return null;
  return { name, installed: installedLine.exec(text)?.[1]?.trim() ?? null, fixed: fixedLine.exec(text)?.[1]?.trim() ?? null };
}

export type RuleInfo = {
  id: string | null;
  /** From properties["security-severity"]; it outranks the level. */
  scoreSeverity: ScanSeverity | null;
  defaultLevel: unknown;
  kind: ScanFindingKind;
  category: string;
  cwe: string | null;
  /** Advisory ids in the rule's id, name or short description (shared by its results: never changed). */
  advisories: string[];
  /** shortDescription, or a name people can read. */
  summary: string | null;
  fullDescription: string | null;
  recommendation: string | null;
  references: readonly string[];
  messageStrings: ReadonlyMap<string, string> | null;
  packageFacts: PackageFacts | null;
};

// Tags CodeQL and others put on rules about code health; their CWEs (563 unused variable, 561
// dead code) do not make an unused import a security vulnerability.
const qualityTags = ["maintainability", "reliability", "correctness", "readability", "useless-code", "convention", "style", "quality", "performance", "complexity"];
const cweLink = /cwe\.mitre\.org\/data\/definitions\/(\d+)/i;
const bareUrl = /^https?:\/\/\S+$/;

function kindOf(tool: ToolProfile, tags: ReadonlySet<string>, cwe: string | null, advisories: readonly string[], scored: boolean): { kind: ScanFindingKind; category: string } {
  if (tool.family === "secrets" || tags.has("secret") || tags.has("secrets")) return { kind: "secret", category: "security" };
  if (tool.family === "container") return { kind: "misconfiguration", category: "deployment" };
  if (tool.family === "infrastructure" || tags.has("misconfiguration")) return { kind: "misconfiguration", category: "configuration" };
  if (tool.family === "dependencies" || advisories.length > 0 || scored || tags.has("security") || tags.has("vulnerability")) return { kind: "vulnerability", category: "security" };
  if (cwe && !qualityTags.some((tag) => tags.has(tag))) return { kind: "vulnerability", category: "security" };
  return { kind: "quality", category: "implementation" };
}

function cweOfValue(value: unknown): string | null {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item !== "string" && typeof item !== "number") continue;
    const cwe = normalizeCwe(item) ?? cwesIn(String(item))[0];
    if (cwe) return cwe;
  }
  return null;
}

/**
 * The first reference to CWE among a rule's relationships ({target: {id: "79", toolComponent:
 * {name: "CWE"}}}) or a result's taxa (the reference itself).
 */
export function cweOfTaxa(references: unknown): string | null {
  for (const reference of asArray(references)) {
    const target = asObject(asObject(reference)?.target) ?? asObject(reference);
    const taxonomy = asString(asObject(target?.toolComponent)?.name) ?? "";
    const id = target?.id;
    if (/cwe/i.test(taxonomy) || (typeof id === "string" && /^cwe/i.test(id))) {
      const cwe = cweOfValue(id);
      if (cwe) return cwe;
    }
  }
  return null;
}

function cweOf(rule: JsonObject | null, properties: JsonObject | null, tags: readonly string[], summary: string | null): string | null {
  for (const tag of tags) {
    const cwe = cwesIn(tag)[0];
    if (cwe) return cwe;
  }
  const linked = cweLink.exec(asString(rule?.helpUri) ?? "")?.[1];
  return cweOfValue(properties?.cwe) ?? cweOfTaxa(rule?.relationships) ?? (linked ? `CWE-${Number(linked)}` : null) ?? cwesIn(summary ?? "")[0] ?? null;
}

function messageStringsOf(value: unknown): Map<string, string> | null {
  const strings = asObject(value);
  if (!strings) return null;
  const map = new Map<string, string>();
  for (const [id, value] of Object.entries(strings)) {
    const text = textOf(value);
    if (text) map.set(id, text);
  }
  return map;
}

/** Everything a rule contributes to its results. `rule` is null when the log has no rule for the id. */
function ruleInfo(rule: JsonObject | null, ruleId: string | null, tool: ToolProfile): RuleInfo {
  const properties = asObject(rule?.properties);
  const tags = asArray(properties?.tags).flatMap((tag) => (typeof tag === "string" ? [tag.trim().toLowerCase()] : []));
  const id = asString(rule?.id) ?? ruleId;
  const name = asString(rule?.name);
  const short = textOf(rule?.shortDescription);
  // A name that only repeats a dotted or slashed id ("com.lgtm/js-queries:js/x") is no summary.
  const summary = firstText(short, name && (name !== id || /\s/.test(name)) ? name : null);
  const scoreSeverity = severityOfSecuritySeverity(properties?.["security-severity"]);
  const cwe = cweOf(rule, properties, tags, short);
  const advisories = advisoryIds(id, name, short);
  const help = textOf(rule?.help);
  const helpUri = asString(rule?.helpUri);
  // Dockle's help is only a link: a reference, not advice.
  const helpIsLink = help !== null && bareUrl.test(help);
  return {
    id,
    scoreSeverity,
    defaultLevel: asObject(rule?.defaultConfiguration)?.level,
    ...kindOf(tool, new Set(tags), cwe, advisories, scoreSeverity !== null),
    cwe,
    advisories,
    summary,
    fullDescription: textOf(rule?.fullDescription),
    recommendation: helpIsLink ? null : help,
    references: [...new Set([helpUri, helpIsLink ? help : null].filter((url): url is string => !!url && /^https?:/i.test(url)))],
    messageStrings: messageStringsOf(rule?.messageStrings),
    packageFacts: packageFactsIn(asString(asObject(rule?.help)?.text)),
  };
}

type ToolComponent = { name: string | null; guid: string | null; rules: readonly unknown[]; byId: Map<string, number> };

function componentOf(value: unknown): ToolComponent {
  const component = asObject(value);
  const rules = asArray(component?.rules);
  const byId = new Map<string, number>();
  rules.forEach((rule, index) => {
    const id = asString(asObject(rule)?.id);
    if (id !== null && !byId.has(id)) byId.set(id, index);
  });
  return { name: asString(component?.name), guid: asString(component?.guid), rules, byId };
}

/**
 * A run's rules: the driver's and its extensions' (CodeQL query packs). Results point at a rule by
 * ruleIndex or rule.index (with rule.toolComponent for an extension), or by ruleId / rule.id.
 */
export class RuleTable {
  /** The driver first, then tool.extensions in order, so an extension's index is its position + 1. */
  private readonly components: ToolComponent[];
  private readonly cache = new Map<string, RuleInfo>();
  readonly globalMessageStrings: ReadonlyMap<string, string> | null;

  constructor(
    tool: JsonObject,
    private readonly profile: ToolProfile,
  ) {
    this.components = [componentOf(tool.driver), ...asArray(tool.extensions).map(componentOf)];
    this.globalMessageStrings = messageStringsOf(asObject(tool.driver)?.globalMessageStrings);
  }

  /** The derived data of the rule a result points at (cached per rule). */
  forResult(result: JsonObject): RuleInfo {
    const reference = asObject(result.rule);
    const ruleId = asString(result.ruleId) ?? asString(reference?.id);
    const component = this.componentIndex(asObject(reference?.toolComponent));
    const index = asIndex(reference?.index) ?? asIndex(result.ruleIndex);
    const at = index !== null && index < this.components[component]!.rules.length ? ([component, index] as const) : this.find(component, ruleId);
    const key = at ? `${at[0]}#${at[1]}` : `?${ruleId ?? ""}`;
    let info = this.cache.get(key);
    if (!info) {
      info = ruleInfo(at ? asObject(this.components[at[0]]!.rules[at[1]]) : null, ruleId, this.profile);
      this.cache.set(key, info);
    }
    return info;
  }

  private componentIndex(reference: JsonObject | null): number {
    if (!reference) return 0;
    const index = asIndex(reference.index);
    if (index !== null) return index + 1 < this.components.length ? index + 1 : 0;
    const guid = asString(reference.guid);
    const name = asString(reference.name);
    const found = this.components.findIndex((c) => (guid !== null && c.guid === guid) || (name !== null && c.name === name));
    return found < 0 ? 0 : found;
  }

  /** By id in the named component, else in any; a hierarchical id ("CA2101/sub") falls back to its first part. */
  private find(component: number, ruleId: string | null): readonly [number, number] | null {
    if (ruleId === null) return null;
    for (const id of ruleId.includes("/") ? [ruleId, ruleId.slice(0, ruleId.indexOf("/"))] : [ruleId]) {
      const own = this.components[component]!.byId.get(id);
      if (own !== undefined) return [component, own];
      for (let c = 0; c < this.components.length; c++) {
        const index = this.components[c]!.byId.get(id);
        if (index !== undefined) return [c, index];
      }
    }
    return null;
  }
}
