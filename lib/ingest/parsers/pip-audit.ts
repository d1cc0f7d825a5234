import { paragraphs } from "@/lib/ingest/normalize";
import { advisoryList, dependencyFinding, dependencyKey, ecosystemPackageName, firstFixedVersion } from "@/lib/ingest/parsers/dependency-finding";
import { isObject, list, objects, textOf, texts } from "@/lib/ingest/parsers/json-values";
import { readScanJson } from "@/lib/ingest/scan-source";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanParser, ScanRecord, Sniff } from "@/lib/ingest/scan-types";

// pip-audit -f json: {dependencies: [{name, version, vulns: [{id, fix_versions, aliases,
// description}]}], fixes: [...]} since 2.0, a bare list of the same dependencies before. One
// entry per installed distribution, so the file is small and read whole. pip-audit rates
// nothing; the advisories carry no severity, so every finding is medium until another tool's
// rating merges in.

const tool = "pip-audit";

const dependencyKeys = (k: ReadonlySet<string>, prefix: string) => k.has(`${prefix}.name`) && (k.has(`${prefix}.vulns`) || k.has(`${prefix}.skip_reason`));

export const pipAuditParser: ScanParser = {
  format: "pip-audit",
  name: "pip-audit JSON",
  produces: "findings",
  detect: (sniff: Sniff) => {
    if (sniff.syntax !== "json") return false;
    // An empty list says nothing about the tool that wrote it, so "[]" is left undetected.
    if (sniff.root === "array") return dependencyKeys(sniff.keys, "*");
    return dependencyKeys(sniff.keys, "dependencies.*") || (sniff.keys.has("dependencies") && sniff.keys.has("fixes") && !sniff.keys.has("bomFormat"));
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    const report = await readScanJson(source);
    const dependencies = Array.isArray(report) ? report : isObject(report) && Array.isArray(report.dependencies) ? report.dependencies : null;
    if (!dependencies) throw new ScanShapeError("not a pip-audit report: no dependencies list", "");
    yield { type: "tool", name: tool, version: null };
    const seen = new Set<string>();
    for (const dependency of objects(dependencies)) {
      const rawName = textOf(dependency.name);
      // Distributions pip-audit could not look up (skip_reason) have no vulns to report.
      if (!rawName) continue;
      const packageName = ecosystemPackageName("pypi", rawName);
      const version = textOf(dependency.version);
      for (const vuln of objects(dependency.vulns)) {
        const id = textOf(vuln.id);
        if (!id) throw new ScanShapeError("a vulnerability without an id", `${rawName}`);
        const ids = advisoryList([id, ...texts(vuln.aliases)]);
        const key = dependencyKey(ids, id, packageName, version);
        if (seen.has(key)) continue;
        seen.add(key);
        const description = textOf(vuln.description);
        yield {
          type: "finding",
          finding: dependencyFinding({
            tool,
            ids,
            ruleId: id,
            summary: textOf(vuln.summary),
            description: paragraphs(description, list(vuln.fix_versions).length ? null : "No fixed version is known."),
            severity: "medium",
            packageName,
            installedVersion: version,
            fixedVersion: firstFixedVersion(texts(vuln.fix_versions), version),
            references: [id.startsWith("PYSEC-") ? `https://osv.dev/vulnerability/${id}` : null],
          }),
        };
      }
    }
  },
};
