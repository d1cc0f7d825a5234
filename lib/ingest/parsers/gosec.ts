import { ANY } from "@/lib/ingest/json-items";
import { fingerprintOf, normalizeCwe, normalizeForFingerprint, paragraphs, severityFromWord, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanParser, ScanRecord } from "@/lib/ingest/scan-types";
import { finding, headString, lineOf, listItems, uniqueLocations } from "@/lib/ingest/parsers/code-scan-support";
import { field, isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// gosec -fmt json: Go security lint. Issues stream one by one; "Golang errors" (packages gosec
// could not type-check) are not findings, and issues suppressed with #nosec are left out.

/** gosec quotes code with each line's number in front ("79: s.ListenAndServe()"); those move. */
const codeWithoutLineNumbers = (code: string) => code.replace(/^\d+:\s?/gm, "");

function isSuppressed(issue: JsonObject): boolean {
  return issue.nosec === true || (Array.isArray(issue.suppressions) && issue.suppressions.length > 0);
}

function issueFinding(issue: JsonObject, where: string) {
  const ruleId = textOf(issue.rule_id);
  if (!ruleId) throw new ScanShapeError("an issue without a rule_id", where);
  const file = textOf(issue.file);
  const details = textOf(issue.details) ?? ruleId;
  const code = textOf(issue.code);
  const cwe = normalizeCwe(field(issue.cwe, "id") ?? field(issue.cwe, "ID"));
  const cweUrl = textOf(field(issue.cwe, "url") ?? field(issue.cwe, "URL"));
  return finding(
    {
      tool: "gosec",
      ruleId,
      title: titleText(`${ruleId}: ${details}`),
      description: paragraphs(details, code ? `\`\`\`go\n${code.trimEnd()}\n\`\`\`` : null, textOf(issue.confidence) ? `Confidence: ${textOf(issue.confidence)}` : null),
      severity: severityFromWord(textOf(issue.severity)) ?? "medium",
      kind: "vulnerability",
      category: "security",
      fingerprint: fingerprintOf("gosec", ruleId, file, normalizeForFingerprint(code ? codeWithoutLineNumbers(code) : details)),
    },
    {
      locations: uniqueLocations([{ file, line: lineOf(issue.line) }]),
      cwe: cwe === "CWE-0" ? null : cwe,
      references: cweUrl ? [cweUrl] : [],
    },
  );
}

export const gosecParser: ScanParser = {
  format: "gosec",
  name: "gosec JSON",
  produces: "findings",
  detect: (sniff) =>
    sniff.syntax === "json" &&
    sniff.root === "object" &&
    sniff.keys.has("Issues") &&
    (sniff.keys.has("Issues.*.rule_id") || sniff.keys.has("Golang errors") || sniff.keys.has("Stats.found") || sniff.keys.has("GosecVersion")),
  async *parse(source): AsyncGenerator<ScanRecord> {
    if ((await jsonStart(source)) !== "{") throw new ScanShapeError("expected an object with Issues", "");
    yield { type: "tool", name: "gosec", version: await headString(source, ["GosecVersion"]) };
    for await (const { value, path } of listItems(source, [["Issues", ANY]])) {
      if (!isObject(value)) throw new ScanShapeError("an issue that is not an object", path.join("."));
      if (isSuppressed(value)) continue;
      yield { type: "finding", finding: issueFinding(value, path.join(".")) };
    }
  },
};
