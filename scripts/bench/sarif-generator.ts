import { createWriteStream } from "node:fs";
import { once } from "node:events";

// A SARIF 2.1.0 file shaped like CodeQL's: rules with CWE tags and security-severity, results
// with a location, region, snippet and partialFingerprints, spread over many files.

const cwes = [79, 89, 22, 78, 94, 502, 611, 798, 327, 352, 400, 601, 918, 20, 200];

export async function writeSarif(path: string, { results, files, rules }: { results: number; files: number; rules: number }): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const ruleList = Array.from({ length: rules }, (_, i) => ({
    id: `js/rule-${i}`,
    name: `Rule${i}`,
    shortDescription: { text: `Possible problem of kind ${i}` },
    fullDescription: { text: `Code that does thing ${i} can let an attacker do something unwanted; see the help.` },
    defaultConfiguration: { level: ["error", "warning", "note"][i % 3] },
    help: { text: `Avoid pattern ${i}.`, markdown: `Avoid **pattern ${i}**.` },
    properties: { tags: ["security", `external/cwe/cwe-${String(cwes[i % cwes.length]).padStart(3, "0")}`], precision: "high", "security-severity": ((i * 37) % 100 / 10).toFixed(1) },
  }));
  const head = JSON.stringify({
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "CodeQL", semanticVersion: "2.20.1", rules: ruleList } }, results: [] }],
  });
  await write(head.slice(0, head.lastIndexOf("[]")) + "[\n");
  for (let i = 0; i < results; i++) {
    const rule = (i * 7919) % rules;
    const file = i % files;
    const line = 10 + ((i * 31) % 900);
    const result = {
      ruleId: `js/rule-${rule}`,
      ruleIndex: rule,
      message: { text: `This value flows from user input to a sensitive call (case ${i}).` },
      locations: [{ physicalLocation: { artifactLocation: { uri: `src/module-${file % 97}/file-${file}.ts`, uriBaseId: "%SRCROOT%" }, region: { startLine: line, startColumn: 9, endColumn: 48, snippet: { text: `  const value${i} = sink(request.query.v${i % 13});` } } } }],
      partialFingerprints: { primaryLocationLineHash: `${((i * 2654435761) >>> 0).toString(16).padStart(8, "0")}${((i * 40503) >>> 0).toString(16).padStart(8, "0")}:1` },
    };
    await write((i ? ",\n" : "") + JSON.stringify(result));
  }
  await write("\n]}]}\n");
  out.end();
  await once(out, "finish");
}
