import { ANY, jsonItems } from "@/lib/ingest/json-items";
import { normalizeCwe, paragraphs, severityFromScore } from "@/lib/ingest/normalize";
import {
  advisoryList,
  childNamed,
  childrenNamed,
  childText,
  cvssVectorScore,
  dependencyFinding,
  dependencyKey,
  descendantsNamed,
  firstFixedVersion,
  moreSevere,
  packageFromPurl,
  parsePurl,
  uniqueLocations,
  vulnerabilitySeverityWord,
} from "@/lib/ingest/parsers/dependency-finding";
import { field, isObject, type JsonObject, list, numberOf, objects, textOf } from "@/lib/ingest/parsers/json-values";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanParser, ScanRecord, ScanSeverity, ScanSource, Sniff } from "@/lib/ingest/scan-types";
import { xmlElements, type XmlElement } from "@/lib/ingest/xml-elements";

// CycloneDX BOMs with vulnerabilities, JSON ({bomFormat: "CycloneDX", components,
// vulnerabilities: [{id, ratings, cwes, affects: [{ref}]}]}) and XML (<bom xmlns=
// "http://cyclonedx.org/schema/bom/1.x">), including the 1.0–1.3 vulnerability extension
// (<v:vulnerabilities> inside a component, or at the end with a ref). A vulnerability names
// the components it affects by bom-ref, and the components may come after it in a JSON file,
// so the file is read twice: the components first, then the vulnerabilities. One finding per
// vulnerability and affected component, as the import files them. The tool is the BOM's
// generator (grype, trivy…), so its findings meet that tool's own reports.

type Component = { packageName: string | null; version: string | null; paths: string[] };

type Rating = { source: string | null; score: number | null; severity: string | null; method: string | null; vector: string | null };

type Vulnerability = {
  id: string;
  source: string | null;
  aliases: string[];
  ratings: Rating[];
  cwes: (string | null)[];
  description: string | null;
  recommendation: string | null;
  references: (string | null)[];
  affects: { ref: string | null; versions: { version: string | null; status: string | null }[] }[];
  state: string | null;
  fixes: string[];
};

/** VEX analysis states that say the component is not (or no longer) vulnerable. */
const notVulnerable = new Set(["not_affected", "false_positive", "resolved", "resolved_with_pedigree"]);

/** Generators' properties that say where a component was found (syft:location:0:path, aquasecurity:trivy:PkgPath). */
const pathProperty = /(?::location:\d+:path|:PkgPath|:FilePath)$/i;

function componentOf(purl: string | null, group: string | null, name: string | null, version: string | null, paths: string[] = []): Component {
  const parsed = parsePurl(purl);
  if (parsed) {
    const pkg = packageFromPurl(parsed);
    return { packageName: pkg.name, version: version ?? pkg.version, paths };
  }
  if (!name) return { packageName: null, version, paths };
  // Without a purl the ecosystem is unknown; a scope ("@types") joins with "/", a Maven group with ":".
  return { packageName: group ? `${group}${group.startsWith("@") ? "/" : ":"}${name}` : name, version, paths };
}

// ---------------------------------------------------------------------------------------------
// Severity: the rating of the vulnerability's own source (the one the tool chose, as Trivy does),
// else the newest CVSS rating, else the highest of the rest; unrated is medium.

const cvssRank = (method: string | null) => {
  const m = /^cvssv?(\d)(\d)?/i.exec(method ?? "");
  return m ? Number(m[1]) * 10 + Number(m[2] ?? 0) : -1;
};

function ratingSeverity(r: Rating): ScanSeverity | null {
  // Grype writes a score of 0 with no method for "not rated"; that is no score.
  const score = r.score !== null && (r.score > 0 || r.method || r.vector) ? r.score : null;
  return vulnerabilitySeverityWord(r.severity) ?? severityFromScore(score) ?? severityFromScore(cvssVectorScore(r.vector));
}

function severityOf(v: Vulnerability): ScanSeverity {
  const rated = v.ratings.flatMap((r) => {
    const severity = ratingSeverity(r);
    return severity ? [{ ...r, severity }] : [];
  });
  const highest = (rs: { severity: ScanSeverity }[]) => rs.map((r) => r.severity).reduce(moreSevere);
  const own = rated.filter((r) => r.source && v.source && r.source.toLowerCase() === v.source.toLowerCase());
  if (own.length) return highest(own);
  const best = Math.max(-1, ...rated.map((r) => cvssRank(r.method)));
  if (best >= 0) return highest(rated.filter((r) => cvssRank(r.method) === best));
  return rated.length ? highest(rated) : "medium";
}

// ---------------------------------------------------------------------------------------------
// JSON

function jsonComponents(component: unknown, into: Map<string, Component>) {
  if (!isObject(component)) return;
  const ref = textOf(component["bom-ref"]);
  const paths = objects(component.properties).flatMap((p) => (pathProperty.test(textOf(p.name) ?? "") ? (textOf(p.value) ?? []) : []));
  if (ref) into.set(ref, componentOf(textOf(component.purl), textOf(component.group), textOf(component.name), textOf(component.version), paths));
  for (const child of list(component.components)) jsonComponents(child, into);
}

function jsonTool(metadata: unknown): { name: string; version: string | null } | null {
  const tools = field(metadata, "tools");
  const first = objects(Array.isArray(tools) ? tools : field(tools, "components"))[0];
  const name = textOf(first?.name);
  return name ? { name: name.toLowerCase(), version: textOf(first?.version) } : null;
}

function jsonVulnerability(v: JsonObject, where: string): Vulnerability {
  const id = textOf(v.id);
  if (!id) throw new ScanShapeError("a vulnerability without an id", where);
  const properties = objects(v.properties);
  return {
    id,
    source: textOf(field(v.source, "name")),
    aliases: objects(v.references).flatMap((r) => textOf(r.id) ?? []),
    ratings: objects(v.ratings).map((r) => ({ source: textOf(field(r.source, "name")), score: numberOf(r.score), severity: textOf(r.severity), method: textOf(r.method), vector: textOf(r.vector) })),
    cwes: list(v.cwes).map(normalizeCwe),
    description: textOf(v.detail) ?? textOf(v.description),
    recommendation: textOf(v.recommendation),
    references: [textOf(field(v.source, "url")), ...objects(v.advisories).map((a) => textOf(a.url))],
    affects: objects(v.affects).map((a) => ({ ref: textOf(a.ref), versions: objects(a.versions).map((x) => ({ version: textOf(x.version), status: textOf(x.status) })) })),
    state: textOf(field(v.analysis, "state")),
    fixes: properties.filter((p) => /fixed[_-]?versions?$/i.test(textOf(p.name) ?? "")).flatMap((p) => textOf(p.value) ?? []),
  };
}

async function* jsonFindings(source: ScanSource): AsyncGenerator<ScanRecord> {
  const components = new Map<string, Component>();
  let tool: { name: string; version: string | null } | null = null;
  for await (const { pattern, value } of jsonItems(source.open(), [["metadata"], ["components", ANY]])) {
    if (pattern === 0) {
      tool = jsonTool(value);
      jsonComponents(field(value, "component"), components);
    } else jsonComponents(value, components);
  }
  const name = tool?.name ?? "cyclonedx";
  yield { type: "tool", name, version: tool?.version ?? null };
  const seen = new Set<string>();
  for await (const { path, value } of jsonItems(source.open(), [["vulnerabilities", ANY]])) {
    if (!isObject(value)) throw new ScanShapeError("a vulnerability that is not an object", path.join("."));
    for (const finding of findingsOf(jsonVulnerability(value, path.join(".")), components, name, null)) {
      if (unseen(seen, finding)) yield { type: "finding", finding };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// XML

function xmlComponent(el: XmlElement): Component {
  const paths = childrenNamed(childNamed(el, "properties"), "property").flatMap((p) => (pathProperty.test(p.attributes.name ?? "") ? (textOf(p.text) ?? []) : []));
  return componentOf(childText(el, "purl"), childText(el, "group"), childText(el, "name"), childText(el, "version"), paths);
}

function xmlComponents(el: XmlElement, into: Map<string, Component>) {
  const ref = el.attributes["bom-ref"];
  if (ref) into.set(ref, xmlComponent(el));
  for (const child of childrenNamed(childNamed(el, "components"), "component")) xmlComponents(child, into);
}

function xmlTool(metadata: XmlElement): { name: string; version: string | null } | null {
  const tools = childNamed(metadata, "tools");
  const first = childNamed(tools, "tool") ?? childNamed(childNamed(tools, "components"), "component");
  const name = childText(first, "name");
  return name ? { name: name.toLowerCase(), version: childText(first, "version") } : null;
}

/** Both the 1.4+ <vulnerability> and the extension's <v:vulnerability> (same local names, mostly). */
function xmlVulnerability(v: XmlElement): Vulnerability {
  const id = childText(v, "id");
  if (!id) throw new ScanShapeError("a vulnerability without an id", "vulnerability");
  const source = childNamed(v, "source");
  const affects = childrenNamed(childNamed(v, "affects"), "target").map((t) => ({
    ref: childText(t, "ref"),
    versions: childrenNamed(childNamed(t, "versions"), "version").map((x) => ({ version: childText(x, "version"), status: childText(x, "status") })),
  }));
  return {
    id,
    source: source?.attributes.name ?? childText(source, "name"),
    aliases: childrenNamed(childNamed(v, "references"), "reference").flatMap((r) => childText(r, "id") ?? []),
    ratings: childrenNamed(childNamed(v, "ratings"), "rating").map((r) => {
      const score = childNamed(r, "score");
      return {
        source: childText(childNamed(r, "source"), "name"),
        score: numberOf(childText(score, "base") ?? textOf(score?.text)),
        severity: childText(r, "severity"),
        method: childText(r, "method"),
        vector: childText(r, "vector"),
      };
    }),
    cwes: descendantsNamed(childNamed(v, "cwes"), "cwe").map((c) => normalizeCwe(c.text)),
    description: childText(v, "detail") ?? childText(v, "description"),
    recommendation: childText(v, "recommendation") ?? (childrenNamed(childNamed(v, "recommendations"), "recommendation").flatMap((r) => textOf(r.text) ?? []).join("\n") || null),
    references: [childText(source, "url"), ...childrenNamed(childNamed(v, "advisories"), "advisory").map((a) => childText(a, "url") ?? textOf(a.text))],
    // The extension names the component in a ref attribute when the vulnerability is not inside it.
    affects: affects.length ? affects : v.attributes.ref ? [{ ref: v.attributes.ref, versions: [] }] : [],
    state: childText(childNamed(v, "analysis"), "state"),
    fixes: childrenNamed(childNamed(v, "properties"), "property").flatMap((p) => (/fixed[_-]?versions?$/i.test(p.attributes.name ?? "") && textOf(p.text) ? [textOf(p.text)!] : [])),
  };
}

/** Vulnerabilities written inside a component by the extension, with that component. */
function* nestedVulnerabilities(el: XmlElement): Generator<[XmlElement, XmlElement]> {
  for (const v of childrenNamed(childNamed(el, "vulnerabilities"), "vulnerability")) yield [v, el];
  for (const child of childrenNamed(childNamed(el, "components"), "component")) yield* nestedVulnerabilities(child);
}

const isComponent = (path: readonly string[]) => path.length === 3 && path[1] === "components" && path[2] === "component";
const isMetadata = (path: readonly string[]) => path.length === 2 && path[1] === "metadata";
const isVulnerability = (path: readonly string[]) => path.length === 3 && path[1] === "vulnerabilities" && path[2] === "vulnerability";

async function* xmlFindings(source: ScanSource): AsyncGenerator<ScanRecord> {
  const components = new Map<string, Component>();
  let tool: { name: string; version: string | null } | null = null;
  for await (const { element } of xmlElements(source.open(), (p) => isComponent(p) || isMetadata(p))) {
    if (element.name === "metadata") {
      tool = xmlTool(element);
      const component = childNamed(element, "component");
      if (component) xmlComponents(component, components);
    } else xmlComponents(element, components);
  }
  const name = tool?.name ?? "cyclonedx";
  yield { type: "tool", name, version: tool?.version ?? null };
  const seen = new Set<string>();
  for await (const { element } of xmlElements(source.open(), (p) => isComponent(p) || isVulnerability(p))) {
    const pairs: [XmlElement, Component | null][] = element.name === "vulnerability" ? [[element, null]] : [...nestedVulnerabilities(element)].map(([v, c]) => [v, xmlComponent(c)]);
    for (const [v, component] of pairs) {
      for (const finding of findingsOf(xmlVulnerability(v), components, name, component)) {
        if (unseen(seen, finding)) yield { type: "finding", finding };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

function unseen(seen: Set<string>, finding: ScanFinding): boolean {
  const key = dependencyKey(finding.aliases, finding.ruleId, finding.packageName, finding.installedVersion);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** The component a ref names; a ref that is itself a purl (Trivy's) still names a package when the BOM leaves the component out. */
function componentByRef(ref: string | null, components: Map<string, Component>): Component {
  return (ref ? components.get(ref) : undefined) ?? componentOf(ref, null, null, null);
}

function findingsOf(v: Vulnerability, components: Map<string, Component>, tool: string, container: Component | null): ScanFinding[] {
  if (v.state && notVulnerable.has(v.state.toLowerCase())) return [];
  const targets = container
    ? [{ component: container, versions: [] as Vulnerability["affects"][number]["versions"] }]
    : v.affects.map((a) => ({ component: componentByRef(a.ref, components), versions: a.versions }));
  const ids = advisoryList([v.id, ...v.aliases]);
  return targets.flatMap(({ component, versions }) => {
    // An affects entry whose every version is marked unaffected lists fixed versions, not a vulnerable one.
    if (versions.length && versions.every((x) => x.status === "unaffected")) return [];
    const installed = component.version ?? versions.find((x) => x.status === "affected")?.version ?? null;
    const fixes = [...v.fixes, ...versions.flatMap((x) => (x.status === "unaffected" && x.version ? [x.version] : []))];
    const fixedVersion = firstFixedVersion(fixes, installed);
    return [
      dependencyFinding({
        tool,
        ids,
        ruleId: v.id,
        description: paragraphs(v.description, v.state ? `Analysis: ${v.state.replace(/_/g, " ")}.` : null),
        severity: severityOf(v),
        packageName: component.packageName,
        installedVersion: installed,
        fixedVersion,
        locations: uniqueLocations(component.paths),
        cwes: v.cwes,
        references: v.references,
        recommendation: fixedVersion ? undefined : v.recommendation && !/^upgrade$/i.test(v.recommendation) ? v.recommendation : null,
      }),
    ];
  });
}

const bomFormat = /"bomFormat"\s*:\s*"CycloneDX"/;

export const cyclonedxParser: ScanParser = {
  format: "cyclonedx",
  name: "CycloneDX (JSON or XML)",
  produces: "findings",
  detect: (sniff: Sniff) => {
    if (sniff.syntax === "xml") return sniff.xmlRoot?.name === "bom" && Object.values(sniff.xmlRoot.attributes).some((v) => v.startsWith("http://cyclonedx.org/schema/bom/"));
    return sniff.syntax === "json" && sniff.root === "object" && sniff.keys.has("bomFormat") && bomFormat.test(sniff.head);
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    yield* (await jsonStart(source)) === "<" ? xmlFindings(source) : jsonFindings(source);
  },
};


