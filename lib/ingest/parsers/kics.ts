import { ANY } from "@/lib/ingest/json-items";
import { fingerprintOf, normalizeCwe, paragraphs, severityFromWord, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanFindingKind, ScanParser, ScanRecord } from "@/lib/ingest/scan-types";
import { finding, headString, lineOf, listItems, uniqueLocations } from "@/lib/ingest/parsers/code-scan-support";
import { isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// kics scan --report-formats json: IaC queries (Terraform, CloudFormation, Kubernetes,
// Dockerfile…), each with the files it failed in. One finding per file entry, as KICS counts
// them; its similarity_id (a hash of file, query and the matched key, no line) is the fingerprint.

// Container build and orchestration files are about how the service is deployed; the rest
// (cloud resources, Terraform, Ansible…) about how the infrastructure is configured.
const deploymentPlatforms = new Set(["dockerfile", "dockercompose", "kubernetes", "helm", "knative", "crossplane", "buildah"]);

const spaces = /\s+/g;

function kindOf(query: JsonObject): ScanFindingKind {
  return textOf(query.category)?.toLowerCase() === "secret management" ? "secret" : "misconfiguration";
}

function fileFinding(query: JsonObject, entry: JsonObject, where: string) {
  const queryId = textOf(query.query_id);
  const name = textOf(query.query_name) ?? queryId;
  if (!name) throw new ScanShapeError("a query without a name or id", where);
  const file = textOf(entry.file_name);
  const kind = kindOf(query);
  const platform = textOf(query.platform)?.toLowerCase().replace(spaces, "") ?? "";
  const searchKey = textOf(entry.search_key);
  const expected = textOf(entry.expected_value);
  // A secret query's actual value can quote the secret.
  const actual = kind === "secret" ? null : textOf(entry.actual_value);
  const url = textOf(query.query_url);
  return finding(
    {
      tool: "kics",
      ruleId: queryId ?? name,
      title: titleText(name),
      description: paragraphs(
        textOf(query.description),
        searchKey ? `Where: \`${searchKey}\`` : null,
        expected ? `Expected: ${expected}` : null,
        actual ? `Actual: ${actual}` : null,
        textOf(entry.issue_type) ? `Issue type: ${textOf(entry.issue_type)}` : null,
      ) || name,
      severity: severityFromWord(textOf(query.severity)) ?? (textOf(query.severity)?.toUpperCase() === "TRACE" ? "info" : "medium"),
      kind,
      category: kind === "secret" ? "security" : deploymentPlatforms.has(platform) ? "deployment" : "configuration",
      fingerprint: textOf(entry.similarity_id) ? fingerprintOf("kics", "id", textOf(entry.similarity_id)) : fingerprintOf("kics", queryId ?? name, file, searchKey),
    },
    {
      locations: uniqueLocations([{ file, line: lineOf(entry.line) }]),
      cwe: normalizeCwe(query.cwe),
      recommendation: textOf(entry.remediation) ?? expected,
      references: url ? [url] : [],
    },
  );
}

export const kicsParser: ScanParser = {
  format: "kics",
  name: "KICS JSON",
  produces: "findings",
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "object" && sniff.keys.has("queries") && (sniff.keys.has("kics_version") || sniff.keys.has("severity_counters") || sniff.keys.has("queries_total")),
  async *parse(source): AsyncGenerator<ScanRecord> {
    if ((await jsonStart(source)) !== "{") throw new ScanShapeError("expected an object with queries", "");
    yield { type: "tool", name: "kics", version: await headString(source, ["kics_version"]) };
    for await (const { value, path } of listItems(source, [["queries", ANY]])) {
      const where = path.join(".");
      if (!isObject(value)) throw new ScanShapeError("a query that is not an object", where);
      if (value.files === undefined || value.files === null) continue;
      if (!Array.isArray(value.files)) throw new ScanShapeError("files that are not a list", `${where}.files`);
      for (const [i, entry] of value.files.entries()) {
        if (!isObject(entry)) throw new ScanShapeError("a file entry that is not an object", `${where}.files.${i}`);
        yield { type: "finding", finding: fileFinding(value, entry, where) };
      }
    }
  },
};
