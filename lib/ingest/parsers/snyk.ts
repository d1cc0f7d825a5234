import { ANY, jsonItems } from "@/lib/ingest/json-items";
import { normalizeCwe, paragraphs, titleText } from "@/lib/ingest/normalize";
import {
  advisoryList,
  bulletList,
  dependencyFinding,
  dependencyKey,
  ecosystemPackageName,
  firstFixedVersion,
  severityFromScoreOrVector,
  uniqueLocations,
  vulnerabilitySeverityWord,
} from "@/lib/ingest/parsers/dependency-finding";
import { isObject, type JsonObject, list, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanParser, ScanRecord, ScanSource, Sniff } from "@/lib/ingest/scan-types";

// snyk test --json (Snyk Open Source): one project {vulnerabilities, packageManager,
// projectName, displayTargetFile, …} or, with --all-projects, an array of them. Snyk repeats a
// vulnerability once per dependency path ("from"); the user fixes it once, so it is one finding
// with the paths in its text. The project's fields come after its vulnerabilities, and the
// file can be large, so it is read twice: once for the projects and the paths, then to yield.
// Snyk Code writes SARIF, which is not this format.

const tool = "snyk";

/** Snyk package managers whose package names follow an ecosystem's rules. */
const ecosystemOf: Record<string, string> = { pip: "pypi", poetry: "pypi", pipenv: "pypi", npm: "npm", yarn: "npm", pnpm: "npm", maven: "maven", gradle: "maven", sbt: "maven", gomodules: "golang", golangdep: "golang", composer: "composer" };

type Project = { manager: string | null; target: string | null; name: string | null };

const projectPatterns = [
  ["vulnerabilities", ANY],
  ["packageManager"],
  ["displayTargetFile"],
  ["projectName"],
  [ANY, "vulnerabilities", ANY],
  [ANY, "packageManager"],
  [ANY, "displayTargetFile"],
  [ANY, "projectName"],
] as const;

function projectIndex(path: (string | number)[]): number {
  return typeof path[0] === "number" ? path[0] : -1;
}

function packageNameOf(v: JsonObject, project: Project | undefined): string | null {
  const name = textOf(v.packageName) ?? textOf(v.moduleName);
  return name ? ecosystemPackageName(ecosystemOf[project?.manager ?? ""] ?? null, name) : null;
}

function keyOf(v: JsonObject, project: Project | undefined, projectNo: number): string {
  const id = textOf(v.id) ?? "";
  return `${projectNo}\u0000${dependencyKey([id], id, packageNameOf(v, project), textOf(v.version))}`;
}

async function survey(source: ScanSource, root: "object" | "array") {
  const projects = new Map<number, Project>();
  const paths = new Map<string, string[]>();
  const pending: { no: number; v: JsonObject }[] = [];
  const patterns = root === "array" ? projectPatterns.slice(4) : projectPatterns.slice(0, 4);
  for await (const { pattern, path, value } of jsonItems(source.open(), patterns)) {
    const no = projectIndex(path);
    const project = projects.get(no) ?? { manager: null, target: null, name: null };
    projects.set(no, project);
    const slot = pattern % 4;
    if (slot === 0) {
      if (isObject(value)) pending.push({ no, v: { id: value.id, packageName: value.packageName, moduleName: value.moduleName, version: value.version, from: value.from } });
    } else if (slot === 1) project.manager = textOf(value);
    else if (slot === 2) project.target = textOf(value);
    else project.name = textOf(value);
  }
  // Keys need the project's package manager, which Snyk writes after the vulnerabilities.
  for (const { no, v } of pending) {
    const key = keyOf(v, projects.get(no), no);
    const from = texts(v.from);
    const found = paths.get(key) ?? [];
    if (from.length) found.push(from.join(" > "));
    paths.set(key, found);
  }
  return { projects, paths };
}

function findingOf(v: JsonObject, project: Project | undefined, paths: string[], where: string): ScanFinding {
  const id = textOf(v.id);
  if (!id) throw new ScanShapeError("a vulnerability without an id", where);
  const identifiers = isObject(v.identifiers) ? v.identifiers : {};
  const ids = advisoryList([...texts(identifiers.CVE), id, ...texts(identifiers.GHSA)]);
  const packageName = packageNameOf(v, project);
  const version = textOf(v.version);
  const license = v.type === "license";
  const fixedVersion = license ? null : firstFixedVersion(texts(v.fixedIn), version);
  const upgrade = list(v.upgradePath).filter((p): p is string => typeof p === "string");
  const finding = dependencyFinding({
    tool,
    ids: license ? [] : ids,
    ruleId: id,
    summary: textOf(v.title),
    description: paragraphs(
      textOf(v.description) ?? textOf(v.title),
      bulletList("Introduced through:", paths),
      project?.name ? `Project: ${project.name}.` : null,
    ),
    severity: vulnerabilitySeverityWord(v.severity) ?? severityFromScoreOrVector(v.cvssScore, v.CVSSv3) ?? "medium",
    packageName,
    installedVersion: version,
    fixedVersion,
    locations: uniqueLocations([project?.target]),
    cwes: texts(identifiers.CWE).map(normalizeCwe),
    references: license ? [] : [`https://security.snyk.io/vuln/${id}`, ...objects(v.references).map((r) => textOf(r.url))],
    recommendation: upgrade.length > 1 && v.isUpgradable === true ? `Upgrade ${upgrade[1]}.` : undefined,
    target: project?.target,
    kind: license ? "quality" : "vulnerability",
    category: license ? "compliance" : undefined,
  });
  return license ? { ...finding, title: titleText(`${textOf(v.license) ?? "License"} license in ${[packageName, version].filter(Boolean).join(" ")}`) } : finding;
}

export const snykParser: ScanParser = {
  format: "snyk",
  name: "Snyk Open Source JSON",
  produces: "findings",
  detect: (sniff: Sniff) => {
    if (sniff.syntax !== "json") return false;
    const k = sniff.keys;
    const p = sniff.root === "array" ? "*." : "";
    return k.has(`${p}vulnerabilities`) && (k.has(`${p}packageManager`) || k.has(`${p}projectName`)) && (k.has(`${p}ok`) || k.has(`${p}dependencyCount`));
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    const root = (await jsonStart(source)) === "[" ? "array" : "object";
    const { projects, paths } = await survey(source, root);
    yield { type: "tool", name: tool, version: null };
    const emitted = new Set<string>();
    const pattern = root === "array" ? [ANY, "vulnerabilities", ANY] : ["vulnerabilities", ANY];
    for await (const { path, value } of jsonItems(source.open(), [pattern])) {
      if (!isObject(value)) throw new ScanShapeError("a vulnerability that is not an object", path.join("."));
      const no = projectIndex(path);
      const project = projects.get(no);
      const key = keyOf(value, project, no);
      if (emitted.has(key)) continue;
      emitted.add(key);
      yield { type: "finding", finding: findingOf(value, project, paths.get(key) ?? [], path.join(".")) };
    }
  },
};


