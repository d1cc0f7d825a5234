import { ANY, jsonItems } from "@/lib/ingest/json-items";
import { fingerprintOf, normalizeCwe, normalizeForFingerprint, paragraphs, severityFromWord, titleText } from "@/lib/ingest/normalize";
import { finding } from "@/lib/ingest/parsers/code-scan-support";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanParser, ScanRecord } from "@/lib/ingest/scan-types";

// bandit -f json: Python security lint. Results stream one by one; the per-file metrics that
// come before them (often most of the file) are checked and skipped.

type BanditResult = {
  test_id?: string;
  test_name?: string;
  issue_text?: string;
  issue_severity?: string;
  issue_confidence?: string;
  issue_cwe?: { id?: number; link?: string };
  filename?: string;
  line_number?: number;
  code?: string;
  more_info?: string;
};

/** bandit prefixes each code line with its number; those move when code above changes. */
const codeWithoutLineNumbers = (code: string) => code.replace(/^\d+\s/gm, "");

export const banditParser: ScanParser = {
  format: "bandit",
  name: "Bandit JSON",
  produces: "findings",
  detect: (sniff) => sniff.syntax === "json" && sniff.keys.has("generated_at") && (sniff.keys.has("metrics._totals") || sniff.keys.has("results")) && !sniff.keys.has("runs"),
  async *parse(source): AsyncGenerator<ScanRecord> {
    yield { type: "tool", name: "bandit", version: null };
    for await (const { value, path } of jsonItems(source.open(), [["results", ANY]])) {
      const r = value as BanditResult;
      if (typeof r !== "object" || r === null || !r.test_id) throw new ScanShapeError("a result without a test_id", path.join("."));
      const file = (r.filename ?? "").replace(/\\/g, "/");
      yield {
        type: "finding",
        finding: finding(
          {
            tool: "bandit",
            ruleId: r.test_id,
            title: titleText(`${r.test_id} ${r.test_name ?? ""}: ${r.issue_text ?? ""}`),
            description: paragraphs(r.issue_text, r.code ? `\`\`\`python\n${r.code.trimEnd()}\n\`\`\`` : null, r.issue_confidence ? `Confidence: ${r.issue_confidence}` : null),
            severity: severityFromWord(r.issue_severity) ?? "medium",
            kind: "vulnerability",
            category: "security",
            fingerprint: fingerprintOf("bandit", r.test_id, file, normalizeForFingerprint(codeWithoutLineNumbers(r.code ?? r.issue_text ?? ""))),
          },
          {
            locations: file ? [{ file, line: typeof r.line_number === "number" ? r.line_number : null }] : [],
            cwe: normalizeCwe(r.issue_cwe?.id),
            references: r.more_info ? [r.more_info] : [],
          },
        ),
      };
    }
  },
};
