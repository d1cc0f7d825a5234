import { fingerprintOf, normalizeForFingerprint, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanParser, ScanRecord, ScanSeverity } from "@/lib/ingest/scan-types";
import { finding, lineOf, rootListItems, uniqueLocations } from "@/lib/ingest/parsers/code-scan-support";
import { isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// hadolint -f json: Dockerfile lint (DL rules) and the ShellCheck rules (SC) of its RUN lines.
//
// Severity is the linter scale used for ESLint too: hadolint's levels say how sure the rule is
// that something is wrong, not how much harm it does. An error (a build that breaks or does
// something else than meant, sudo, a relative WORKDIR) is medium; a warning (unpinned packages, a
// root user) low; info and style are hints.
const severities: Record<string, ScanSeverity> = { error: "medium", warning: "low", info: "info", style: "info" };

const ruleDocs = (code: string) =>
  code.startsWith("SC") ? [`https://www.shellcheck.net/wiki/${code}`] : code.startsWith("DL") ? [`https://github.com/hadolint/hadolint/wiki/${code}`] : [];

function ruleFinding(rule: JsonObject, where: string) {
  const code = textOf(rule.code);
  if (!code) throw new ScanShapeError("a result without a code", where);
  const file = textOf(rule.file);
  const message = textOf(rule.message) ?? code;
  return finding(
    {
      tool: "hadolint",
      ruleId: code,
      title: titleText(`${code}: ${message}`),
      description: message,
      severity: severities[textOf(rule.level)?.toLowerCase() ?? ""] ?? "medium",
      kind: "misconfiguration",
      category: "deployment",
      // hadolint quotes no code; the same rule twice in a Dockerfile is numbered by the import.
      fingerprint: fingerprintOf("hadolint", code, file, normalizeForFingerprint(message)),
    },
    { locations: uniqueLocations([{ file, line: lineOf(rule.line) }]), references: ruleDocs(code) },
  );
}

export const hadolintParser: ScanParser = {
  format: "hadolint",
  name: "hadolint JSON",
  produces: "findings",
  detect: (sniff) => sniff.syntax === "json" && sniff.root === "array" && ["*.code", "*.level", "*.message", "*.file"].every((key) => sniff.keys.has(key)),
  async *parse(source): AsyncGenerator<ScanRecord> {
    yield { type: "tool", name: "hadolint", version: null };
    for await (const { value, path } of rootListItems(source, "results")) {
      if (!isObject(value)) throw new ScanShapeError("a result that is not an object", path.join("."));
      yield { type: "finding", finding: ruleFinding(value, path.join(".")) };
    }
  },
};
