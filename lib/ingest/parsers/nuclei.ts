import { advisoryIds, fingerprintOf, normalizeCwe, paragraphs, primaryAdvisory, severityFromScore, severityFromWord, titleText } from "@/lib/ingest/normalize";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { jsonStart, readScanJsonLines } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanLocation, ScanParser, ScanRecord, ScanSource } from "@/lib/ingest/scan-types";
import { finding, rootListItems, textList, uniqueLocations, urlsIn } from "@/lib/ingest/parsers/code-scan-support";
import { field, isObject, type JsonObject, textOf } from "@/lib/ingest/parsers/json-values";

// nuclei -json / -jsonl (one result a line) and -json-export (a list): DAST template matches.
//
// One finding per template, matcher and host: a template that matches several URLs or ports of
// one host is one problem seen in several places, and which URL a run hits first varies (the
// fingerprint would churn if it held the path). The matched URLs become the locations.
// Timestamps, requests and responses (which can carry cookies and tokens) are left out.

type Match = { key: string; finding: ScanFinding };

const locationKey = (location: ScanLocation) => `${location.line ?? ""}\u0000${location.file}`;

/** The host a result is about, lower case without port: "https://a.example:8443/x" → "a.example". */
function hostOf(target: string | null): string {
  if (!target) return "";
  try {
    return new URL(target.includes("://") ? target : `tcp://${target}`).hostname.toLowerCase();
  } catch {
    return target.toLowerCase();
  }
}

function severityOf(info: JsonObject, classification: unknown) {
  return severityFromWord(textOf(info.severity)) ?? severityFromScore(textOf(field(classification, "cvss-score"))) ?? "medium";
}

function resultMatch(result: JsonObject, where: string): Match {
  const templateId = textOf(result["template-id"]) ?? textOf(result.templateID);
  if (!templateId) throw new ScanShapeError("a result without a template-id", where);
  const info = isObject(result.info) ? result.info : {};
  const classification = info.classification;
  const matcher = textOf(result["matcher-name"]) ?? textOf(result.matcher_name);
  const type = textOf(result.type) ?? "";
  const target = textOf(result["matched-at"]) ?? textOf(result.matched) ?? textOf(result.url) ?? textOf(result.host) ?? textOf(result.ip);
  const host = hostOf(target ?? textOf(result.host));
  const name = textOf(info.name) ?? templateId;
  const ids = advisoryIds(...textList(field(classification, "cve-id")));
  const cwe = textList(field(classification, "cwe-id")).map(normalizeCwe).find(Boolean) ?? null;
  const extracted = textList(result["extracted-results"] ?? result.extracted_results);
  const references = textList(info.reference);
  return {
    key: [templateId, type, matcher ?? "", host].join("\u0000"),
    finding: finding(
      {
        tool: "nuclei",
        ruleId: templateId,
        title: titleText(matcher ? `${name} (${matcher})` : name),
        description: paragraphs(
          textOf(info.description) ?? name,
          extracted.length ? `Extracted: ${extracted.slice(0, 20).join(", ")}` : null,
          `Template: ${templateId}${matcher ? `, matcher ${matcher}` : ""}${type ? ` (${type})` : ""}`,
        ),
        severity: severityOf(info, classification),
        kind: "vulnerability",
        category: "security",
        fingerprint: fingerprintOf("nuclei", templateId, type, matcher, host),
      },
      {
        locations: uniqueLocations([{ file: target, line: null }]),
        cwe,
        cve: primaryAdvisory(ids),
        aliases: ids,
        recommendation: textOf(info.remediation),
        // Older templates write references as one "- url\n- url" string.
        references: references.length === 1 ? urlsIn(references[0]) : references,
      },
    ),
  };
}

async function* results(source: ScanSource): AsyncGenerator<{ value: unknown; where: string }> {
  if ((await jsonStart(source)) === "[") {
    for await (const { value, path } of rootListItems(source, "results")) yield { value, where: path.join(".") };
    return;
  }
  for await (const { value, line } of readScanJsonLines(source)) yield { value, where: `line ${line}` };
}

export const nucleiParser: ScanParser = {
  format: "nuclei",
  name: "Nuclei JSON / JSON lines",
  produces: "findings",
  detect: (sniff) => {
    if (sniff.syntax !== "json" && sniff.syntax !== "jsonl") return false;
    const prefix = sniff.root === "array" ? "*." : "";
    return (sniff.keys.has(`${prefix}template-id`) || sniff.keys.has(`${prefix}templateID`)) && sniff.keys.has(`${prefix}info`);
  },
  async *parse(source): AsyncGenerator<ScanRecord> {
    yield { type: "tool", name: "nuclei", version: null };
    // Each finding with the locations it has, by "file\0line", so merging stays linear.
    const matches = new Map<string, { finding: ScanFinding; seen: Set<string> }>();
    for await (const { value, where } of results(source)) {
      if (!isObject(value)) throw new ScanShapeError("a result that is not an object", where);
      const { key, finding: found } = resultMatch(value, where);
      const known = matches.get(key);
      if (!known) {
        matches.set(key, { finding: found, seen: new Set(found.locations.map(locationKey)) });
        continue;
      }
      for (const location of found.locations) {
        if (known.seen.has(locationKey(location))) continue;
        known.seen.add(locationKey(location));
        known.finding.locations.push(location);
      }
    }
    for (const { finding: found } of matches.values()) yield { type: "finding", finding: found };
  },
};
