import { metricKeys } from "@/lib/ingest/metric-keys";
import { coverageMetric } from "@/lib/ingest/parsers/istanbul";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import type { ScanParser, ScanRecord, ScanSource } from "@/lib/ingest/scan-types";

// lcov tracefiles (geninfo, c8, nyc, jest, vitest, llvm-cov, coverage.py): one record a source
// file, from SF: to end_of_record. The totals are the sums of each record's LH/LF and BRH/BRF;
// a record without them (some generators write only DA and BRDA lines) is counted from those.
// A file measured under several test names (TN:) is counted once per record, as written.

type Tally = { covered: number; total: number };
/** What one SF: … end_of_record block states (LF/LH, BRF/BRH) and what its DA/BRDA lines add up to. */
type FileRecord = { lf: number | null; lh: number | null; brf: number | null; brh: number | null; da: Tally; brda: Tally };

const emptyRecord = (): FileRecord => ({ lf: null, lh: null, brf: null, brh: null, da: { covered: 0, total: 0 }, brda: { covered: 0, total: 0 } });

/** The stated totals when both are there, else the ones counted from the detail lines. */
const stated = (covered: number | null, total: number | null, counted: Tally): Tally => (covered !== null && total !== null ? { covered, total } : counted);

/** The file's lines, decoded as they stream in, so a 100 MB tracefile is never one string. */
async function* textLines(source: ScanSource): AsyncGenerator<{ text: string; number: number }> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending = "";
  let number = 0;
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new ScanSyntaxError("The file is not valid UTF-8.", number + 1, 1);
    }
  };
  for await (const chunk of source.open()) {
    pending += decode(chunk);
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) yield { text: line.replace(/\r$/, ""), number: ++number };
  }
  pending += decode();
  if (pending) yield { text: pending.replace(/\r$/, ""), number: ++number };
}

const recordLine = /^([A-Z]+):(.*)$/;
const wholeNumber = /^\s*\d+\s*$/;

function count(text: string, line: number): number {
  const value = Number(text);
  if (!wholeNumber.test(text) || !Number.isSafeInteger(value)) throw new ScanShapeError(`"${text.slice(0, 40)}" is not a count`, `line ${line}`);
  return value;
}

/** DA:<line>,<hits>[,<checksum>] */
function addLine(record: FileRecord, fields: string, line: number) {
  const hits = fields.split(",")[1];
  if (hits === undefined) throw new ScanShapeError("a DA line without a hit count", `line ${line}`);
  record.da.total++;
  // Merged files can carry odd hit counts; only "hit or not" matters here.
  if (Number(hits) > 0) record.da.covered++;
}

/** BRDA:<line>,<block>,<branch>,<taken>, where taken is "-" for a branch never reached. */
function addBranch(record: FileRecord, fields: string, line: number) {
  const taken = fields.split(",")[3];
  if (taken === undefined) throw new ScanShapeError("a BRDA line without a taken count", `line ${line}`);
  record.brda.total++;
  if (Number(taken) > 0) record.brda.covered++;
}

function read(record: FileRecord, tag: string, fields: string, line: number) {
  switch (tag) {
    case "DA":
      return addLine(record, fields, line);
    case "BRDA":
      return addBranch(record, fields, line);
    case "LF":
      record.lf = count(fields, line);
      return;
    case "LH":
      record.lh = count(fields, line);
      return;
    case "BRF":
      record.brf = count(fields, line);
      return;
    case "BRH":
      record.brh = count(fields, line);
  }
}

export const lcovParser: ScanParser = {
  format: "lcov",
  name: "lcov tracefile",
  produces: "metrics",
  detect: (sniff) => sniff.syntax === "text" && /^SF:./m.test(sniff.head) && /^(?:end_of_record|DA:\d+,|LF:\d+)\s*$/m.test(sniff.head),
  async *parse(source): AsyncGenerator<ScanRecord> {
    const lines = { covered: 0, total: 0 };
    const branches = { covered: 0, total: 0 };
    let record: FileRecord | null = null;
    let files = 0;
    const close = () => {
      if (!record) return;
      const fileLines = stated(record.lh, record.lf, record.da);
      const fileBranches = stated(record.brh, record.brf, record.brda);
      lines.covered += fileLines.covered;
      lines.total += fileLines.total;
      branches.covered += fileBranches.covered;
      branches.total += fileBranches.total;
      record = null;
    };
    for await (const { text, number } of textLines(source)) {
      const line = text.trim();
      if (!line) continue;
      if (line === "end_of_record") {
        close();
        continue;
      }
      const match = recordLine.exec(line);
      if (!match) throw new ScanShapeError("not an lcov record line", `line ${number}`);
      const tag = match[1]!;
      if (tag === "SF") {
        close();
        record = emptyRecord();
        files++;
      } else if (record) read(record, tag, match[2]!, number);
    }
    // A file cut off before its last end_of_record still counts what it has.
    close();
    if (!files) throw new ScanShapeError("no SF: record: not an lcov tracefile", "");
    yield { type: "tool", name: "lcov", version: null };
    for (const metric of [coverageMetric(metricKeys.lineCoverage, lines.covered, lines.total), coverageMetric(metricKeys.branchCoverage, branches.covered, branches.total)]) {
      if (metric) yield { type: "metric", metric };
    }
  },
};
