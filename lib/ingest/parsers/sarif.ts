import { ANY, jsonItems, type PathSegment } from "@/lib/ingest/json-items";
import { advisoryIds, fingerprintOf, firstText, normalizeForFingerprint, primaryAdvisory, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanFinding, ScanLocation, ScanParser, ScanRecord, ScanSource, Sniff } from "@/lib/ingest/scan-types";
import { asArray, asIndex, asObject, asString, cweOfTaxa, type JsonObject, type PackageFacts, packageFactsIn, type RuleInfo, RuleTable, severityOfLevel, severityOfSecuritySeverity, toolProfile, type ToolProfile } from "@/lib/ingest/parsers/sarif-rules";

// SARIF 2.1.0 from any tool: CodeQL, Semgrep, Snyk Code, gitleaks, Grype, Dockle… The log is read
// twice: first the per-run side data results refer to (the tool and its rules, artifacts, URI
// bases), then the results one at a time, so a 100 MB log never becomes one object graph.

type RunContext = {
  tool: ToolProfile;
  version: string | null;
  rules: RuleTable;
  paths: ArtifactPaths;
  /** The advisory a rule id names ("CVE-…-package" → "CVE-…"), by rule id. */
  advisoryOfRuleId: Map<string, string | null>;
};
type RunSide = { tool?: unknown; baseIds?: unknown; artifacts?: unknown; workingDirectories: string[] };

const VERSION = 0, TOOL = 1, BASE_IDS = 2, ARTIFACTS = 3;
const sidePatterns = [["version"], ["runs", ANY, "tool"], ["runs", ANY, "originalUriBaseIds"], ["runs", ANY, "artifacts"], ["runs", ANY, "invocations", ANY, "workingDirectory", "uri"]];

const missingTool = (run: PathSegment) => new ScanShapeError("a run needs tool.driver, the analysis tool that produced it", `runs.${run}.tool`);

/** 2.1.0 and its errata (2.1.x) share one format; 1.x and the 2.0 drafts are shaped differently. */
function checkVersion(version: unknown) {
  if (typeof version === "string" && /^2\.1\.\d+$/.test(version.trim())) return;
  const shown = typeof version === "string" ? version : JSON.stringify(version);
  throw new ScanShapeError(`SARIF version ${shown.slice(0, 40)} is not supported; export the log as SARIF 2.1.0`, "version");
}

function runContext(run: number, side: RunSide): RunContext {
  const tool = asObject(side.tool);
  const driver = asObject(tool?.driver);
  if (!tool || !driver) throw missingTool(run);
  const name = firstText(driver.name);
  if (!name) throw new ScanShapeError("the tool's driver needs a name", `runs.${run}.tool.driver.name`);
  const profile = toolProfile(name);
  return {
    tool: profile,
    version: firstText(driver.version, driver.semanticVersion),
    rules: new RuleTable(tool, profile),
    paths: new ArtifactPaths(asArray(side.artifacts), asObject(side.baseIds), side.workingDirectories),
    advisoryOfRuleId: new Map(),
  };
}

/** Pass 1: every run's tool, rules and artifact table, by run index. Results are skipped unbuilt. */
async function readRuns(source: ScanSource): Promise<Map<number, RunContext>> {
  const sides = new Map<number, RunSide>();
  for await (const { pattern, path, value } of jsonItems(source.open(), sidePatterns)) {
    if (pattern === VERSION) {
      checkVersion(value);
      continue;
    }
    const run = path[1];
    if (typeof run !== "number") throw new ScanShapeError("runs must be an array of runs", "runs");
    let side = sides.get(run);
    if (!side) sides.set(run, (side = { workingDirectories: [] }));
    if (pattern === TOOL) side.tool = value;
    else if (pattern === BASE_IDS) side.baseIds = value;
    else if (pattern === ARTIFACTS) side.artifacts = value;
    else if (typeof value === "string") side.workingDirectories.push(value);
  }
  const runs = new Map<number, RunContext>();
  for (const [run, side] of [...sides].sort((a, b) => a[0] - b[0])) runs.set(run, runContext(run, side));
  return runs;
}

const fileScheme = /^file:/i;
// Two letters or more, so that "C:/src" stays a Windows drive.
const otherScheme = /^[a-z][a-z0-9+.-]+:/i;
const windowsDrive = /^\/*[a-z]:\//i;
const withSlash = (path: string) => (path && !path.endsWith("/") ? `${path}/` : path);

/** A URI as a path: file:// dropped, percent-decoded, forward slashes. */
function uriPath(uri: string): { path: string; absolute: boolean } {
  let path = uri;
  if (path.includes("%")) {
    try {
      path = decodeURIComponent(path);
    } catch {
      // A stray % is kept as written.
    }
  }
  path = path.replace(/\\/g, "/");
  if (fileScheme.test(path)) {
    path = path.slice(5);
    // file:///C:/x → C:/x; file:///src/x and dependency-check's file:////src/x → /src/x
    return { path: windowsDrive.test(path) ? path.replace(/^\/+/, "") : path.replace(/^\/+/, "/"), absolute: true };
  }
  if (path.startsWith("/") || windowsDrive.test(path) || otherScheme.test(path)) return { path, absolute: true };
  return { path: path.replace(/^(?:\.\/)+/, ""), absolute: false };
}

/**
 * Where a result's artifactLocation points. Paths are kept relative to the repository: a base
 * that is itself relative ("src/") is prefixed, while an absolute base (the CI runner's checkout)
 * is stripped from absolute URIs, since it differs between machines and would change the
 * finding's file, and with it its fingerprint, from one runner to the next.
 */
class ArtifactPaths {
  private readonly prefixes = new Map<string, string>();
  private readonly roots = new Set<string>();
  private readonly sortedRoots: string[];
  /** Resolved paths by uriBaseId ("" for none), then by URI. */
  private readonly cache = new Map<string, Map<string, string | null>>();

  constructor(
    private readonly artifacts: readonly unknown[],
    baseIds: JsonObject | null,
    workingDirectories: readonly string[],
  ) {
    for (const id of Object.keys(baseIds ?? {})) this.prefixes.set(id, this.prefixOf(baseIds!, id, 0));
    for (const directory of workingDirectories) {
      const { path, absolute } = uriPath(directory);
      if (absolute) this.roots.add(withSlash(path));
    }
    this.sortedRoots = [...this.roots].filter((root) => root.length > 1).sort((a, b) => b.length - a.length);
  }

  private prefixOf(baseIds: JsonObject, id: string, depth: number): string {
    const base = asObject(baseIds[id]);
    const uri = asString(base?.uri);
    if (!uri) return "";
    const { path, absolute } = uriPath(uri);
    if (absolute) {
      this.roots.add(withSlash(path));
      return "";
    }
    const parent = asString(base?.uriBaseId);
    return (parent && depth < 8 ? this.prefixOf(baseIds, parent, depth + 1) : "") + withSlash(path);
  }

  pathOf(artifactLocation: unknown): string | null {
    const location = asObject(artifactLocation);
    if (!location) return null;
    let uri = asString(location.uri);
    let baseId = asString(location.uriBaseId);
    if (uri === null) {
      const index = asIndex(location.index);
      const artifact = index === null ? null : asObject(asObject(this.artifacts[index])?.location);
      uri = asString(artifact?.uri);
      baseId ??= asString(artifact?.uriBaseId);
    }
    if (!uri) return null;
    let byUri = this.cache.get(baseId ?? "");
    if (!byUri) this.cache.set(baseId ?? "", (byUri = new Map()));
    let path = byUri.get(uri);
    if (path === undefined) {
      path = this.resolve(uri, baseId) || null;
      byUri.set(uri, path);
    }
    return path;
  }

  private resolve(uri: string, baseId: string | null): string {
    const { path, absolute } = uriPath(uri);
    if (!absolute) return (baseId ? (this.prefixes.get(baseId) ?? "") : "") + path;
    for (const root of this.sortedRoots) if (path.startsWith(root) && path.length > root.length) return path.slice(root.length);
    return path;
  }
}

function locationsOf(result: JsonObject, paths: ArtifactPaths): ScanLocation[] {
  const locations: ScanLocation[] = [];
  for (const location of asArray(result.locations)) {
    const physical = asObject(asObject(location)?.physicalLocation);
    const file = paths.pathOf(physical?.artifactLocation);
    if (!file) continue;
    const start = asObject(physical?.region)?.startLine;
    const line = typeof start === "number" && Number.isInteger(start) && start > 0 ? start : null;
    if (!locations.some((l) => l.file === file && l.line === line)) locations.push({ file, line });
  }
  return locations;
}

/** The first location's code, indentation kept. */
function snippetOf(result: JsonObject): string | null {
  const region = asObject(asObject(asObject(asArray(result.locations)[0])?.physicalLocation)?.region);
  const code = asString(asObject(region?.snippet)?.text)?.replace(/^(?:[ \t]*\r?\n)+/, "").trimEnd();
  return code ? code : null;
}

/**
 * Whether the result is an open problem. Suppressed results are left out: a suppression is the
 * team's recorded decision (false positive, accepted risk), and SARIF viewers and GitHub hide
 * them. As SARIF 2.1.0 has it, a suppression under review or rejected does not suppress, and
 * one without a status counts as accepted. baselineState "absent" is a result of the
 * previous run that is gone: fixed, not open. "pass" and "notApplicable" are not problems.
 */
function isOpen(result: JsonObject): boolean {
  const kind = result.kind;
  if (kind === "pass" || kind === "notApplicable" || result.baselineState === "absent") return false;
  const suppressions = asArray(result.suppressions);
  return (
    suppressions.length === 0 ||
    suppressions.some((suppression) => {
      const status = asObject(suppression)?.status;
      return status === "underReview" || status === "rejected";
    })
  );
}

const placeholder = /\{(\d+)\}/g;

/** message.text, or the rule's messageStrings[message.id], with {0}, {1} filled from arguments. */
function messageOf(message: JsonObject | null, rule: RuleInfo, globalStrings: ReadonlyMap<string, string> | null): string | null {
  if (!message) return null;
  const id = asString(message.id);
  let text = firstText(message.text) ?? (id ? (rule.messageStrings?.get(id) ?? globalStrings?.get(id) ?? null) : null) ?? firstText(message.markdown);
  const args = asArray(message.arguments);
  if (text && args.length && text.includes("{")) text = text.replace(placeholder, (whole, n: string) => asString(args[Number(n)]) ?? whole);
  return text;
}

/** security-severity as a score (result, then rule), then level (result, then rule), then SARIF's default "warning". */
function severityOf(result: JsonObject, rule: RuleInfo): ScanFinding["severity"] {
  const explicit = severityOfSecuritySeverity(asObject(result.properties)?.["security-severity"]) ?? rule.scoreSeverity ?? severityOfLevel(result.level);
  if (explicit) return explicit;
  // In SARIF a result whose kind is not "fail" (informational, review, open) defaults to level "none".
  const kind = result.kind;
  if (typeof kind === "string" && kind !== "fail") return "info";
  return severityOfLevel(rule.defaultLevel) ?? "medium";
}

const paragraphBreak = /\n\s*\n/;
const sentenceEnd = /[.!?](?=\s)/g;
const abbreviation = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf)$/i;
const embeddedLink = /\[([^\]]*)\]\(\d+\)/g;
// Snyk lists a flow's steps as "[flows](1),(2),(3)".
const linkTail = /(?:,\(\d+\))+/g;
const fileLine = /(\.[A-Za-z0-9]{1,10}):\d+(?::\d+)?\b/g;
const atLine = /\s+(?:at|on) line \d+\b/gi;

/** Where the first sentence ends; the first 20 characters are skipped, so "v1.2" or "e.g." do not end it. */
function firstSentenceEnd(text: string): number {
  sentenceEnd.lastIndex = 20;
  for (let match = sentenceEnd.exec(text); match; match = sentenceEnd.exec(text)) {
    if (!abbreviation.test(text.slice(Math.max(0, match.index - 5), match.index))) return match.index + 1;
  }
  return -1;
}

/** The message's first sentence without what ties it to one place: "parser.py:35", "[here](0)". */
function messageHeadline(message: string): string {
  // A title is at most 300 characters: the rest of a long message need not be looked at.
  let text = message.slice(0, 600).trim();
  if (text.includes("\n")) text = text.split(paragraphBreak, 1)[0]!.replace(/\s+/g, " ");
  const end = firstSentenceEnd(text);
  if (end > 0) text = text.slice(0, end);
  // dependency-check writes "name - description", which for RetireJS is the name twice.
  const half = text.indexOf(" - ");
  if (half > 0 && text.slice(0, half) === text.slice(half + 3)) text = text.slice(0, half);
  // Each pattern only where its telltale character is, since most messages have none of them.
  if (text.includes("](")) text = text.replace(embeddedLink, "$1").replace(linkTail, "");
  if (text.includes(":")) text = text.replace(fileLine, "$1");
  if (text.includes(" line ")) text = text.replace(atLine, "");
  return text.trim();
}

const withoutFinalDot = (text: string) => text.replace(/[.\s]+$/, "");

function titleOf(rule: RuleInfo, message: string, cve: string | null, facts: PackageFacts | null, ruleId: string | null): string {
  if (cve && facts) {
    const subject = `${cve} in ${facts.name}${facts.installed ? ` ${facts.installed}` : ""}`;
    return titleText(rule.summary && !rule.summary.includes(cve) ? `${subject}: ${rule.summary}` : subject);
  }
  const headline = messageHeadline(message);
  const summary = withoutFinalDot(rule.summary ?? "");
  let title = headline;
  if (summary && !headline.toLowerCase().includes(summary.toLowerCase())) {
    title = !headline || summary.toLowerCase().includes(withoutFinalDot(headline).toLowerCase()) ? summary : `${summary}: ${headline}`;
  }
  return titleText(title || ruleId || "SARIF result");
}

function descriptionOf(message: string, snippet: string | null, rule: RuleInfo): string {
  const parts = [message];
  if (snippet) parts.push(`\`\`\`\n${snippet}\n\`\`\``);
  if (rule.fullDescription && !message.includes(rule.fullDescription)) parts.push(rule.fullDescription);
  return parts.join("\n\n");
}

/** The tool's own identity of the result: fingerprints, else partialFingerprints, sorted by key. */
function ownFingerprint(result: JsonObject): string | null {
  for (const field of [result.fingerprints, result.partialFingerprints]) {
    const prints = asObject(field);
    if (!prints) continue;
    const entries: string[] = [];
    for (const key in prints) {
      const value = prints[key];
      if (typeof value === "string" && value) entries.push(`${key}=${value}`);
    }
    if (entries.length) return entries.length === 1 ? entries[0]! : entries.sort().join("\n");
  }
  return null;
}

/** Trivy names the installed version in each result's message, the rest in the rule's help. */
function packageOf(rule: RuleInfo, message: string): PackageFacts | null {
  const fromMessage = message.includes("Package:") ? packageFactsIn(message) : null;
  const fromRule = rule.packageFacts;
  if (!fromMessage || !fromRule) return fromMessage ?? fromRule;
  return { name: fromMessage.name, installed: fromMessage.installed ?? fromRule.installed, fixed: fromMessage.fixed ?? fromRule.fixed };
}

// Most messages of a SAST log name no advisory: a look for the prefixes spares advisoryIds' list for each.
const mentionsAdvisory = /\b(?:CVE|GHSA|RUSTSEC|PYSEC|OSV|GO)-/i;

/** Grype's rule "CVE-2008-0732-geronimo-jms_1.1_spec" is filed under the advisory, like every dependency scanner's. */
function ruleIdOf(toolRuleId: string | null, run: RunContext): string | null {
  if (!toolRuleId) return toolRuleId;
  let advisory = run.advisoryOfRuleId.get(toolRuleId);
  if (advisory === undefined) {
    advisory = primaryAdvisory(advisoryIds(toolRuleId));
    run.advisoryOfRuleId.set(toolRuleId, advisory);
  }
  return advisory ?? toolRuleId;
}

function findingOf(result: JsonObject, run: RunContext): ScanFinding | null {
  if (!isOpen(result)) return null;
  const rule = run.rules.forResult(result);
  const toolRuleId = asString(result.ruleId) ?? asString(asObject(result.rule)?.id) ?? rule.id;
  const message = messageOf(asObject(result.message), rule, run.rules.globalMessageStrings) ?? rule.summary ?? rule.fullDescription ?? toolRuleId ?? "";
  const inMessage = mentionsAdvisory.test(message) ? advisoryIds(message) : [];
  const found = inMessage.length ? [...new Set([...rule.advisories, ...inMessage])] : rule.advisories;
  const cve = primaryAdvisory(found);
  const facts = cve ? packageOf(rule, message) : null;
  const ruleId = ruleIdOf(toolRuleId, run);
  const locations = locationsOf(result, run.paths);
  const snippet = snippetOf(result);
  const tool = run.tool.name;
  const own = ownFingerprint(result);
  let fingerprint: string;
  if (own) fingerprint = fingerprintOf(tool, "id", ruleId, own);
  else if (cve && facts) fingerprint = fingerprintOf(tool, cve, facts.name, facts.installed, locations[0]?.file);
  else fingerprint = fingerprintOf(tool, ruleId, locations[0]?.file, normalizeForFingerprint(snippet ?? message));
  return {
    tool,
    ruleId,
    title: titleOf(rule, message, cve, facts, ruleId),
    description: descriptionOf(message, snippet, rule),
    severity: severityOf(result, rule),
    kind: rule.kind,
    category: rule.category,
    locations,
    cwe: rule.cwe ?? (result.taxa ? cweOfTaxa(result.taxa) : null),
    cve,
    aliases: cve ? [cve, ...found.filter((id) => id !== cve)] : [],
    packageName: facts?.name ?? null,
    installedVersion: facts?.installed ?? null,
    fixedVersion: facts?.fixed ?? null,
    recommendation: facts?.fixed ? `Upgrade ${facts.name} to ${facts.fixed}.` : rule.recommendation,
    references: [...rule.references],
    fingerprint,
  };
}

/** Pass 2: the results, each with the context of its run (path[1]). */
async function* readResults(source: ScanSource, runs: ReadonlyMap<number, RunContext>): AsyncGenerator<ScanRecord> {
  let hasRuns = false;
  // Keys outside the results are few (the tool's rules, artifacts): enough to see every run,
  // including one without a tool and without results.
  const onKey = (path: PathSegment[], key: string) => {
    if (path.length === 0 && key === "runs") hasRuns = true;
    else if (path.length === 2 && path[0] === "runs" && typeof path[1] === "number" && !runs.has(path[1])) throw missingTool(path[1]);
  };
  for await (const { path, value } of jsonItems(source.open(), [["runs", ANY, "results", ANY]], { onKey })) {
    const [, runIndex, , resultIndex] = path;
    if (typeof runIndex !== "number") throw new ScanShapeError("runs must be an array of runs", "runs");
    const run = runs.get(runIndex);
    if (!run) throw missingTool(runIndex);
    if (typeof resultIndex !== "number") throw new ScanShapeError("results must be an array", `runs.${runIndex}.results`);
    const result = asObject(value);
    if (!result) throw new ScanShapeError("a result must be an object", path.join("."));
    const finding = findingOf(result, run);
    if (finding) yield { type: "finding", finding };
  }
  if (!hasRuns) throw new ScanShapeError("not a SARIF log: it has no runs", "runs");
}

export const sarifParser: ScanParser = {
  format: "sarif",
  name: "SARIF 2.1.0",
  produces: "findings",
  detect(sniff: Sniff) {
    if (sniff.syntax !== "json" || sniff.root !== "object" || !sniff.keys.has("runs")) return false;
    if (sniff.keys.has("runs.*.tool.driver")) return true;
    // SARIF 1.x (a tool without a driver, refused with a clear message by parse) or a log whose
    // results come before a tool too long for the head: the version or schema still says so.
    return (sniff.keys.has("runs.*.tool") || sniff.keys.has("runs.*.results")) && (sniff.keys.has("version") || sniff.keys.has("$schema")) && /sarif/i.test(sniff.head);
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    const runs = await readRuns(source);
    for (const run of runs.values()) yield { type: "tool", name: run.tool.name, version: run.version };
    yield* readResults(source, runs);
  },
};
