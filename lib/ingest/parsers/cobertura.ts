import { metricKeys } from "@/lib/ingest/metric-keys";
import { coverageMetric, coveragePercent } from "@/lib/ingest/parsers/istanbul";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import { sniffScan } from "@/lib/ingest/sniff";
import type { ScanMetric, ScanParser, ScanRecord } from "@/lib/ingest/scan-types";
import { xmlElements, type XmlElement } from "@/lib/ingest/xml-elements";

// Cobertura XML (coverage.py, istanbul/c8/nyc, gcovr, Cobertura itself): the root <coverage>
// states the run's totals. lines-covered/lines-valid are exact counts, so they win over
// line-rate, which some writers round. Classes are streamed one at a time: the file is read to
// its end so a broken one is refused, and a root without totals is counted from its classes.

type Tally = { covered: number; total: number };

/** A non-negative number from an attribute, or null when it is missing or not one. */
function attributeNumber(attributes: Record<string, string>, name: string): number | null {
  const text = attributes[name];
  if (text === undefined || text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** The root's own statement of one measure: exact counts first, then the rate. */
function statedMetric(attributes: Record<string, string>, key: string, kind: "lines" | "branches"): ScanMetric | null | undefined {
  const covered = attributeNumber(attributes, `${kind}-covered`);
  const valid = attributeNumber(attributes, `${kind}-valid`);
  if (covered !== null && valid !== null) return valid > 0 ? coverageMetric(key, covered, valid) : null;
  const rate = attributeNumber(attributes, kind === "lines" ? "line-rate" : "branch-rate");
  if (rate !== null && rate <= 1) return { key, value: coveragePercent(rate, 1), unit: "%", scope: null };
  // Not stated: the caller counts it from the classes.
  return undefined;
}

/** "50% (1/2)" in a line's condition-coverage: covered and total branches. */
const conditionCoverage = /\((\d+)\/(\d+)\)/;

function addClass(element: XmlElement, lines: Tally, branches: Tally) {
  for (const group of element.children) {
    if (group.name !== "lines") continue;
    for (const line of group.children) {
      if (line.name !== "line") continue;
      lines.total++;
      if ((attributeNumber(line.attributes, "hits") ?? 0) > 0) lines.covered++;
      const condition = conditionCoverage.exec(line.attributes["condition-coverage"] ?? "");
      if (line.attributes.branch === "true" && condition) {
        branches.covered += Number(condition[1]);
        branches.total += Number(condition[2]);
      }
    }
  }
}

export const coberturaParser: ScanParser = {
  format: "cobertura",
  name: "Cobertura XML",
  produces: "metrics",
  // Clover and JaCoCo have other roots or attributes; "line-rate" is Cobertura's own.
  detect: (sniff) => sniff.syntax === "xml" && sniff.xmlRoot?.name === "coverage" && "line-rate" in sniff.xmlRoot.attributes,
  async *parse(source): AsyncGenerator<ScanRecord> {
    const seen = { root: "", attributes: null as Record<string, string> | null };
    const lines = { covered: 0, total: 0 };
    const branches = { covered: 0, total: 0 };
    const select = (path: readonly string[]) => {
      if (path.length === 1) seen.root = path[0]!;
      return path.at(-1) === "class";
    };
    for await (const { element, ancestors } of xmlElements(source.open(), select)) {
      seen.attributes ??= ancestors[0]?.attributes ?? {};
      addClass(element, lines, branches);
    }
    if (seen.root !== "coverage") throw new ScanShapeError("the root element is not <coverage>: not a Cobertura report", seen.root);
    // A report without classes yields no element to read the root from; the file is well-formed
    // by now, so the sniffed root tag is the real one (its numbers need no entity decoding).
    const attributes = seen.attributes ?? (await sniffScan(source)).xmlRoot?.attributes ?? {};
    yield { type: "tool", name: "cobertura", version: null };
    const line = statedMetric(attributes, metricKeys.lineCoverage, "lines");
    const branch = statedMetric(attributes, metricKeys.branchCoverage, "branches");
    for (const metric of [
      line === undefined ? coverageMetric(metricKeys.lineCoverage, lines.covered, lines.total) : line,
      branch === undefined ? coverageMetric(metricKeys.branchCoverage, branches.covered, branches.total) : branch,
    ]) {
      if (metric) yield { type: "metric", metric };
    }
  },
};
