import { ANY, jsonItems } from "@/lib/ingest/json-items";
import { cwesIn, normalizeCwe, paragraphs, severityFromScore } from "@/lib/ingest/normalize";
import {
  advisoryList,
  childNamed,
  childrenNamed,
  childText,
  dependencyFinding,
  dependencyKey,
  descendantsNamed,
  firstFixedVersion,
  packageFromPurl,
  parsePurl,
  uniqueLocations,
  vulnerabilitySeverityWord,
} from "@/lib/ingest/parsers/dependency-finding";
import { isObject, type JsonObject, numberOf, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanParser, ScanRecord, ScanSeverity, ScanSource, Sniff } from "@/lib/ingest/scan-types";
import { xmlElements, type XmlElement } from "@/lib/ingest/xml-elements";

// OWASP Dependency-Check, XML (<analysis xmlns=".../dependency-check.N.xsd">) and JSON
// ({reportSchema, scanInfo, dependencies}). One <dependency> per file scanned; the same
// library found again elsewhere (same hashes) is listed once, with the other places under
// relatedDependencies, and the same package can still appear as two dependencies (two copies in
// two archives). Either way it is one thing to fix, so a CVE in one package version is one
// finding with every path. Suppressed vulnerabilities are the user's own decision (a
// suppression file) and are no findings. Both reports are read twice: once for each finding's
// paths, then to yield.

const tool = "dependency-check";

/** One vulnerability of one dependency, the same whether it came from XML or JSON. */
type Vulnerability = {
  name: string;
  source: string | null;
  severity: ScanSeverity;
  description: string | null;
  cwes: (string | null)[];
  references: (string | null)[];
  /** The matched vulnerable software's CPE and its versionEndExcluding, the first version out of the range. */
  fixes: { cpe: string; end: string }[];
};

type Dependency = { fileName: string | null; paths: string[]; packageName: string | null; version: string | null; vulnerabilities: Vulnerability[] };

function severityOf(word: unknown, ...scores: unknown[]): ScanSeverity {
  const named = vulnerabilitySeverityWord(word);
  if (named) return named;
  for (const score of scores) {
    const rated = vulnerabilitySeverityWord(score) ?? severityFromScore(numberOf(score));
    if (rated) return rated;
  }
  return "medium";
}

/** The package from its purl, else a Maven identifier, else the file name Dependency-Check gives. */
function packageOf(purls: (string | null)[], mavenIds: (string | null)[], fileName: string | null): { packageName: string | null; version: string | null } {
  for (const id of purls) {
    const purl = parsePurl(id);
    if (purl) {
      const pkg = packageFromPurl(purl);
      return { packageName: pkg.name, version: pkg.version };
    }
  }
  for (const id of mavenIds) {
    const parts = id?.split(":") ?? [];
    if (parts.length >= 3) return { packageName: `${parts[0]}:${parts[1]}`, version: parts.slice(2).join(":") };
  }
  return { packageName: fileName, version: null };
}

// ---------------------------------------------------------------------------------------------
// XML

function xmlVulnerability(v: XmlElement): Vulnerability {
  const cvss3 = childNamed(v, "cvssV3");
  const cvss2 = childNamed(v, "cvssV2");
  const cvss4 = childNamed(v, "cvssV4");
  const name = childText(v, "name") ?? "";
  return {
    name,
    source: v.attributes.source ?? null,
    severity: severityOf(
      childText(v, "severity"),
      childText(cvss4, "baseSeverity"),
      childText(cvss3, "baseSeverity"),
      childText(cvss4, "baseScore"),
      childText(cvss3, "baseScore"),
      childText(cvss2, "score"),
      childText(v, "cvssScore"),
    ),
    description: childText(v, "description"),
    cwes: [...descendantsNamed(childNamed(v, "cwes"), "cwe").map((c) => normalizeCwe(c.text)), ...cwesIn(childText(v, "cwe") ?? "")],
    references: childrenNamed(childNamed(v, "references"), "reference").map((r) => childText(r, "url")),
    fixes: childrenNamed(childNamed(v, "vulnerableSoftware"), "software").flatMap((s) =>
      s.attributes.vulnerabilityIdMatched === "true" && s.attributes.versionEndExcluding ? [{ cpe: s.text.trim(), end: s.attributes.versionEndExcluding }] : [],
    ),
  };
}

function xmlDependency(d: XmlElement): Dependency {
  const identifiers = childNamed(d, "identifiers");
  const fileName = childText(d, "fileName");
  const related = childrenNamed(childNamed(d, "relatedDependencies"), "relatedDependency");
  const mavenIds = childrenNamed(identifiers, "identifier").filter((i) => i.attributes.type === "maven").map((i) => childText(i, "name"));
  const pkg = packageOf(
    descendantsNamed(identifiers, "package").map((p) => childText(p, "id")),
    mavenIds,
    fileName,
  );
  return {
    fileName,
    paths: [childText(d, "filePath"), ...related.map((r) => childText(r, "filePath"))].flatMap((p) => p ?? []),
    ...pkg,
    // suppressedVulnerability elements are skipped: the user suppressed them.
    vulnerabilities: childrenNamed(childNamed(d, "vulnerabilities"), "vulnerability").map(xmlVulnerability),
  };
}

async function* xmlDependencies(source: ScanSource): AsyncGenerator<{ dependency?: Dependency; version?: string | null }> {
  const select = (path: readonly string[]) =>
    (path.length === 3 && path[1] === "dependencies" && path[2] === "dependency") || (path.length === 3 && path[1] === "scanInfo" && path[2] === "engineVersion");
  for await (const { element } of xmlElements(source.open(), select)) {
    if (element.name === "engineVersion") yield { version: textOf(element.text) };
    else yield { dependency: xmlDependency(element) };
  }
}

// ---------------------------------------------------------------------------------------------
// JSON

function jsonVulnerability(v: JsonObject): Vulnerability {
  const cvss3 = isObject(v.cvssv3) ? v.cvssv3 : {};
  const cvss2 = isObject(v.cvssv2) ? v.cvssv2 : {};
  const cvss4 = isObject(v.cvssv4) ? v.cvssv4 : {};
  return {
    name: textOf(v.name) ?? "",
    source: textOf(v.source),
    severity: severityOf(v.severity, cvss4.baseSeverity, cvss3.baseSeverity, cvss4.baseScore, cvss3.baseScore, cvss2.score),
    description: textOf(v.description),
    cwes: texts(v.cwes).map(normalizeCwe),
    references: objects(v.references).map((r) => textOf(r.url)),
    fixes: objects(v.vulnerableSoftware).flatMap((s) => {
      const software = isObject(s.software) ? s.software : {};
      const end = textOf(software.versionEndExcluding);
      const cpe = textOf(software.id);
      return software.vulnerabilityIdMatched === "true" && end && cpe ? [{ cpe, end }] : [];
    }),
  };
}

function jsonDependency(d: JsonObject): Dependency {
  const fileName = textOf(d.fileName);
  const pkg = packageOf(
    objects(d.packages).map((p) => textOf(p.id)),
    [],
    fileName,
  );
  return {
    fileName,
    paths: [textOf(d.filePath), ...objects(d.relatedDependencies).map((r) => textOf(r.filePath))].flatMap((p) => p ?? []),
    ...pkg,
    vulnerabilities: objects(d.vulnerabilities).map(jsonVulnerability),
  };
}

async function* jsonDependencies(source: ScanSource): AsyncGenerator<{ dependency?: Dependency; version?: string | null }> {
  for await (const { pattern, path, value } of jsonItems(source.open(), [["dependencies", ANY], ["scanInfo", "engineVersion"]])) {
    if (pattern === 1) yield { version: textOf(value) };
    else if (isObject(value)) yield { dependency: jsonDependency(value) };
    else throw new ScanShapeError("a dependency that is not an object", path.join("."));
  }
}

// ---------------------------------------------------------------------------------------------

/** The report's ids for a vulnerability: a CVE or GHSA as named, an npm advisory number, or a CWE that OSS Index reports as a vulnerability. */
function idsOf(v: Vulnerability): { ids: string[]; ruleId: string } {
  if (/^\d+$/.test(v.name)) {
    const id = `${(v.source ?? "npm").toLowerCase()}:${v.name}`;
    return { ids: [id], ruleId: id };
  }
  const cwe = /^CWE-\d+/i.exec(v.name)?.[0];
  if (cwe) return { ids: [], ruleId: cwe.toUpperCase() };
  return { ids: advisoryList([v.name]), ruleId: v.name };
}

function findingOf(d: Dependency, v: Vulnerability, paths: string[]): ScanFinding {
  const { ids, ruleId } = idsOf(v);
  const cweRule = ruleId.startsWith("CWE-");
  return dependencyFinding({
    tool,
    ids,
    ruleId,
    summary: cweRule ? v.name : null,
    description: paragraphs(v.description, d.fileName ? `Found in ${d.fileName}.` : null),
    severity: v.severity,
    packageName: d.packageName,
    installedVersion: d.version,
    fixedVersion: firstFixedVersion(fixesFor(d, v), d.version),
    locations: uniqueLocations(paths),
    cwes: cweRule ? [ruleId, ...v.cwes] : v.cwes,
    references: v.references,
  });
}

const nameWords = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/**
 * A matched CPE's range end is a fixed version of this package only when the CPE's product is
 * this artifact: Dependency-Check also matches by vendor and product guesses (commons-codec against
 * Apache Commons Net's CPE), and that product's version line says nothing about this one's.
 */
function fixesFor(d: Dependency, v: Vulnerability): string[] {
  const artifact = d.version ? d.packageName?.split(/[:/]/).pop() : null;
  if (!artifact) return [];
  return v.fixes.flatMap(({ cpe, end }) => {
    const product = cpe.split(":")[cpe.startsWith("cpe:2.3:") ? 4 : 3];
    return product && nameWords(product) === nameWords(artifact) ? [end] : [];
  });
}

const keyOf = (d: Dependency, v: Vulnerability) => {
  const { ids, ruleId } = idsOf(v);
  return dependencyKey(ids, ruleId, d.packageName, d.version);
};

function isJson(sniff: Sniff) {
  return sniff.syntax === "json" && sniff.root === "object" && sniff.keys.has("reportSchema") && sniff.keys.has("dependencies") && (sniff.keys.has("scanInfo") || sniff.keys.has("projectInfo"));
}

export const dependencyCheckParser: ScanParser = {
  format: "dependency-check",
  name: "OWASP Dependency-Check (XML or JSON)",
  produces: "findings",
  detect: (sniff) => (sniff.syntax === "xml" && sniff.xmlRoot?.name === "analysis" && /dependency-?check/i.test(Object.values(sniff.xmlRoot.attributes).join(" "))) || isJson(sniff),
  async *parse(source): AsyncGenerator<ScanRecord> {
    const read = (await jsonStart(source)) === "<" ? xmlDependencies : jsonDependencies;
    // Pass one: the version, and every path of each finding.
    let version: string | null = null;
    const paths = new Map<string, string[]>();
    for await (const item of read(source)) {
      if (item.version !== undefined) version = item.version;
      for (const v of item.dependency?.vulnerabilities ?? []) {
        const key = keyOf(item.dependency!, v);
        const found = paths.get(key);
        if (found) found.push(...item.dependency!.paths);
        else paths.set(key, [...item.dependency!.paths]);
      }
    }
    yield { type: "tool", name: tool, version };
    const emitted = new Set<string>();
    for await (const { dependency } of read(source)) {
      for (const v of dependency?.vulnerabilities ?? []) {
        const key = keyOf(dependency!, v);
        if (emitted.has(key)) continue;
        emitted.add(key);
        yield { type: "finding", finding: findingOf(dependency!, v, paths.get(key) ?? dependency!.paths) };
      }
    }
  },
};
