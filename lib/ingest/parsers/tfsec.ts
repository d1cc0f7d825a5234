import { ANY } from "@/lib/ingest/json-items";
import { fingerprintOf, normalizeForFingerprint, paragraphs, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanParser, ScanRecord, ScanSeverity } from "@/lib/ingest/scan-types";
import { finding, lineOf, listItems, textList, uniqueLocations, urlsIn } from "@/lib/ingest/parsers/code-scan-support";
import { field, isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// tfsec --format json: Terraform misconfigurations, legacy (rule_id "GCP008", ERROR/WARNING/INFO,
// `passed`) and 1.x (rule_id "AVD-AWS-0086", long_id, CRITICAL…LOW, `status`). Passed and
// ignored checks are not findings.

// Legacy tfsec had three levels; ERROR was its worst, INFO a hint worth a look.
const severities: Record<string, ScanSeverity> = { CRITICAL: "critical", HIGH: "high", ERROR: "high", MEDIUM: "medium", WARNING: "medium", LOW: "low", INFO: "low" };

// defsec's statuses: 0 failed, 1 passed, 2 ignored.
const settled = new Set(["1", "2", "PASSED", "IGNORED"]);
const isFailure = (result: JsonObject) => result.passed !== true && !settled.has(textOf(result.status)?.toUpperCase() ?? "");
// tfsec's empty report is exactly {"results": null} (Go's nil list).
const emptyReport = /^\uFEFF?\s*\{\s*"results"\s*:\s*null\s*\}\s*$/;

function resultFinding(result: JsonObject, where: string) {
  const ruleId = textOf(result.rule_id) ?? textOf(result.long_id);
  if (!ruleId) throw new ScanShapeError("a result without a rule_id", where);
  const file = textOf(field(result.location, "filename"));
  const summary = textOf(result.rule_description) ?? textOf(result.description) ?? ruleId;
  const description = textOf(result.description);
  return finding(
    {
      tool: "tfsec",
      ruleId,
      title: titleText(`${ruleId}: ${summary}`),
      description: paragraphs(description ?? summary, textOf(result.impact) ? `Impact: ${textOf(result.impact)}` : null, textOf(result.long_id) && textOf(result.long_id) !== ruleId ? `Check: ${textOf(result.long_id)}` : null),
      severity: severities[textOf(result.severity)?.toUpperCase() ?? ""] ?? "medium",
      kind: "misconfiguration",
      category: "configuration",
      // The resource address ("aws_s3_bucket.logs") when 1.x gives it; legacy names it in the description.
      fingerprint: fingerprintOf("tfsec", ruleId, file, textOf(result.resource) ?? normalizeForFingerprint(description ?? summary)),
    },
    {
      locations: uniqueLocations([{ file, line: lineOf(field(result.location, "start_line")) }]),
      recommendation: textOf(result.resolution),
      references: [...new Set([...textList(result.links), ...urlsIn(textOf(result.link))])],
    },
  );
}

export const tfsecParser: ScanParser = {
  format: "tfsec",
  name: "tfsec JSON",
  produces: "findings",
  detect: (sniff) => {
    if (sniff.syntax !== "json" || sniff.root !== "object" || !sniff.keys.has("results") || sniff.keys.has("results.*.check_id")) return false;
    if (sniff.keys.has("results.*.rule_id") || sniff.keys.has("results.*.long_id")) return sniff.keys.has("results.*.location");
    return sniff.keys.size === 1 && emptyReport.test(sniff.head);
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    if ((await jsonStart(source)) !== "{") throw new ScanShapeError("expected an object with results", "");
    yield { type: "tool", name: "tfsec", version: null };
    for await (const { value, path } of listItems(source, [["results", ANY]])) {
      if (!isObject(value)) throw new ScanShapeError("a result that is not an object", path.join("."));
      if (!isFailure(value)) continue;
      yield { type: "finding", finding: resultFinding(value, path.join(".")) };
    }
  },
};
