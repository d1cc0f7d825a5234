import { fingerprintOf, normalizeForFingerprint, paragraphs, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanParser, ScanRecord, ScanSeverity } from "@/lib/ingest/scan-types";
import { finding, forwardSlashes, lineBreak, lineOf, rootListItems, uniqueLocations } from "@/lib/ingest/parsers/code-scan-support";
import { isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// eslint -f json: one result per linted file, its messages inside. Files stream one at a time,
// each with its source when ESLint included it, which gives a message the code it is about.
//
// Severity: ESLint's 2 and 1 are the project's choice of whether a rule fails the lint run, not a
// measure of risk. A rule that fails the run is something the team said must not ship (medium);
// a warning is low. Security-plugin rules keep that scale but count as vulnerabilities. A fatal
// message (a parse error) means the file was not linted at all and may not build: medium.

// eslint-plugin-security, -security-node, -no-unsanitized and core rules that run strings as code.
const securityRule = /^(?:security|security-node|no-unsanitized|xss)\/|no-eval|no-implied-eval|no-new-func|detect-/;

const severityOf = (message: JsonObject): ScanSeverity => (message.fatal === true || message.severity === 2 ? "medium" : "low");

/** Core rules ("no-unused-vars") have a page on eslint.org; plugin rules ("security/…") live elsewhere. */
const coreRule = /^[a-z-]+$/;
const ruleDocs = (ruleId: string | null) => (ruleId && coreRule.test(ruleId) ? [`https://eslint.org/docs/latest/rules/${ruleId}`] : []);

function codeAt(sourceLines: string[] | null, line: number | null): string | null {
  if (!sourceLines || !line) return null;
  return sourceLines[line - 1]?.trim() || null;
}

function messageFinding(message: JsonObject, file: string, sourceLines: string[] | null) {
  const fatal = message.fatal === true;
  const ruleId = textOf(message.ruleId);
  const text = textOf(message.message) ?? ruleId ?? "ESLint message";
  const line = lineOf(message.line);
  const code = codeAt(sourceLines, line);
  const security = !fatal && ruleId !== null && securityRule.test(ruleId);
  return finding(
    {
      tool: "eslint",
      ruleId,
      title: titleText(fatal ? `ESLint could not parse the file: ${text}` : `${ruleId ?? "eslint"}: ${text}`),
      description: paragraphs(text, code ? `\`\`\`js\n${code}\n\`\`\`` : null, fatal ? "ESLint stopped at this error, so nothing else in the file was checked." : null),
      severity: severityOf(message),
      kind: security ? "vulnerability" : "quality",
      category: security ? "security" : "implementation",
      // The code, when ESLint quoted the source, tells one message from another of the same rule.
      fingerprint: fingerprintOf("eslint", ruleId ?? (fatal ? "fatal" : ""), file, normalizeForFingerprint(text), normalizeForFingerprint(code ?? "")),
    },
    { locations: uniqueLocations([{ file, line }]), references: ruleDocs(ruleId) },
  );
}

function* fileFindings(result: JsonObject, where: string) {
  const file = textOf(result.filePath);
  if (!file) throw new ScanShapeError("a file result without a filePath", where);
  if (result.messages === undefined || result.messages === null) return;
  if (!Array.isArray(result.messages)) throw new ScanShapeError("messages that are not a list", `${where}.messages`);
  const sourceLines = typeof result.source === "string" ? result.source.split(lineBreak) : null;
  for (const [i, message] of result.messages.entries()) {
    if (!isObject(message)) throw new ScanShapeError("a message that is not an object", `${where}.messages.${i}`);
    yield messageFinding(message, forwardSlashes(file), sourceLines);
  }
}

export const eslintParser: ScanParser = {
  format: "eslint",
  name: "ESLint JSON",
  produces: "findings",
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "array" && sniff.keys.has("*.filePath") && sniff.keys.has("*.messages"),
  async *parse(source): AsyncGenerator<ScanRecord> {
    yield { type: "tool", name: "eslint", version: null };
    for await (const { value, path } of rootListItems(source, "file results")) {
      if (!isObject(value)) throw new ScanShapeError("a file result that is not an object", path.join("."));
      for (const f of fileFindings(value, path.join("."))) yield { type: "finding", finding: f };
    }
  },
};
