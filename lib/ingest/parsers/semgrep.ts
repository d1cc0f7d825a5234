import { ANY } from "@/lib/ingest/json-items";
import { cwesIn, fingerprintOf, normalizeForFingerprint, paragraphs, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart } from "@/lib/ingest/scan-source";
import type { ScanParser, ScanRecord, ScanSeverity } from "@/lib/ingest/scan-types";
import { finding, firstSentence, headString, lineOf, listItems, textList, uniqueLocations } from "@/lib/ingest/parsers/code-scan-support";
import { field, isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// semgrep --json: SAST and lint rules. Results stream one by one. Security rules become
// vulnerabilities, the others (correctness, best-practice, maintainability…) code quality.
//
// Fingerprint: semgrep's own (a hash of rule, path and matched code, _0, _1… for repeats) where
// it is given; `semgrep ci` without login writes "requires login" there and in `lines`, leaving
// rule, path and message (repeats are then numbered by the import, in file order).

// Semgrep's classic levels are ERROR/WARNING/INFO; newer rules and Semgrep Pro say LOW…CRITICAL.
const severities: Record<string, ScanSeverity> = {
  CRITICAL: "critical",
  ERROR: "high",
  HIGH: "high",
  WARNING: "medium",
  MEDIUM: "medium",
  INFO: "low",
  LOW: "low",
  INVENTORY: "info",
  EXPERIMENT: "info",
};

/** Where the login-gated fields of `semgrep ci` say "requires login" instead of a value. */
const gated = (value: unknown) => {
  const text = textOf(value);
  return text && text !== "requires login" ? text : null;
};

const ruleName = (checkId: string) => checkId.slice(checkId.lastIndexOf(".") + 1);

function isSecurity(checkId: string, metadata: unknown, cwes: string[]): boolean {
  const category = textOf(field(metadata, "category"))?.toLowerCase();
  if (category) return category === "security";
  return cwes.length > 0 || checkId.includes(".security.");
}

function resultFinding(result: JsonObject, where: string) {
  const checkId = textOf(result.check_id);
  if (!checkId) throw new ScanShapeError("a result without a check_id", where);
  const extra = isObject(result.extra) ? result.extra : {};
  const metadata = extra.metadata;
  const file = textOf(result.path);
  const line = lineOf(field(result.start, "line"));
  const message = textOf(extra.message) ?? ruleName(checkId);
  const code = gated(extra.lines);
  const cwes = cwesIn(textList(field(metadata, "cwe")).join(" "));
  const security = isSecurity(checkId, metadata, cwes);
  const rating = ["confidence", "likelihood", "impact"].flatMap((key) => {
    const value = textOf(field(metadata, key));
    return value ? [`${key[0]!.toUpperCase()}${key.slice(1)}: ${value}`] : [];
  });
  return finding(
    {
      tool: "semgrep",
      ruleId: checkId,
      title: titleText(`${ruleName(checkId)}: ${firstSentence(message)}`),
      description: paragraphs(
        message,
        code ? `\`\`\`\n${code.trimEnd()}\n\`\`\`` : null,
        rating.join(", "),
        textList(field(metadata, "owasp")).length ? `OWASP: ${textList(field(metadata, "owasp")).join("; ")}` : null,
      ),
      severity: severities[textOf(extra.severity)?.toUpperCase() ?? ""] ?? "medium",
      kind: security ? "vulnerability" : "quality",
      category: security ? "security" : "implementation",
      fingerprint: gated(extra.fingerprint) ? fingerprintOf("semgrep", "id", gated(extra.fingerprint)) : fingerprintOf("semgrep", checkId, file, normalizeForFingerprint(code ?? message)),
    },
    {
      locations: uniqueLocations([{ file, line }]),
      cwe: cwes[0] ?? null,
      recommendation: textOf(extra.fix) ? `Suggested fix:\n\n\`\`\`\n${textOf(extra.fix)}\n\`\`\`` : null,
      references: [...new Set([...textList(field(metadata, "references")), ...textList(field(metadata, "source"))])],
    },
  );
}

export const semgrepParser: ScanParser = {
  format: "semgrep",
  name: "Semgrep JSON",
  produces: "findings",
  detect: (sniff) => {
    const k = sniff.keys;
    if (sniff.syntax !== "json" || sniff.root !== "object" || !k.has("results") || k.has("generated_at") || k.has("runs")) return false;
    if (k.has("results.*.check_id")) return true;
    // An empty report: results and errors and nothing inside results.
    return k.has("errors") && ![...k].some((key) => key.startsWith("results."));
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    if ((await jsonStart(source)) !== "{") throw new ScanShapeError("expected an object with results", "");
    yield { type: "tool", name: "semgrep", version: await headString(source, ["version"]) };
    for await (const { value, path } of listItems(source, [["results", ANY]])) {
      if (!isObject(value)) throw new ScanShapeError("a result that is not an object", path.join("."));
      // nosemgrep comments: semgrep lists these only when asked to, and they are not findings.
      if (field(value, "extra") && field(value.extra, "is_ignored") === true) continue;
      yield { type: "finding", finding: resultFinding(value, path.join(".")) };
    }
  },
};
