import { metricKeys } from "@/lib/ingest/metric-keys";
import { ScanShapeError } from "@/lib/ingest/scan-errors";
import type { ScanMetric, ScanParser, ScanRecord, ScanSource } from "@/lib/ingest/scan-types";
import { xmlElements, type XmlAncestor, type XmlElement } from "@/lib/ingest/xml-elements";

// JUnit XML, as every test runner writes it: <testsuites> of <testsuite>s (nested or not), or a
// lone <testsuite>, holding <testcase>s. The counts in the suites' attributes are often missing,
// or wrong in merged and hand-made reports, so the testcases are counted, streamed one at a time;
// a top-level suite without any testcase (a test file that failed to load, a summary-only
// report) is counted from its attributes instead.
// Metrics: the file's totals, then each top-level suite's, scoped by the suite's name.

type Counts = { passed: number; failed: number; skipped: number };
type Outcome = keyof Counts;

const zero = (): Counts => ({ passed: 0, failed: 0, skipped: 0 });
const add = (into: Counts, counts: Counts) => {
  into.passed += counts.passed;
  into.failed += counts.failed;
  into.skipped += counts.skipped;
};

const failedStatuses = new Set(["fail", "failed", "failure", "error", "errored"]);
const skippedStatuses = new Set(["skip", "skipped", "notrun", "disabled", "ignored", "pending"]);

/**
 * A <failure> or <error> child fails a testcase; <skipped> skips it. Surefire's flakyFailure and
 * rerunFailure mean the test passed on a retry, so they leave it passed. Some writers (CTest)
 * state it in a status attribute instead.
 */
function outcomeOf(testcase: XmlElement): Outcome {
  let skipped = false;
  for (const child of testcase.children) {
    if (child.name === "failure" || child.name === "error") return "failed";
    if (child.name === "skipped") skipped = true;
  }
  if (skipped) return "skipped";
  const status = (testcase.attributes.status ?? testcase.attributes.result ?? "").toLowerCase();
  if (failedStatuses.has(status)) return "failed";
  if (skippedStatuses.has(status)) return "skipped";
  return "passed";
}

function attributeCount(attributes: Record<string, string>, name: string): number {
  const value = Number(attributes[name]);
  return Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/**
 * A suite's counts from its attributes: tests less failures, errors and skipped (disabled counts
 * as skipped). A suite without a tests attribute adds up the suites inside it; null when nothing
 * in it says anything.
 */
function attributeCounts(suite: XmlElement): Counts | null {
  if (suite.attributes.tests === undefined) {
    let counts: Counts | null = null;
    for (const child of suite.children) {
      const inner = child.name === "testsuite" ? attributeCounts(child) : null;
      if (inner) add((counts ??= zero()), inner);
    }
    return counts;
  }
  const tests = attributeCount(suite.attributes, "tests");
  const failed = Math.min(tests, attributeCount(suite.attributes, "failures") + attributeCount(suite.attributes, "errors"));
  const skipped = Math.min(tests - failed, attributeCount(suite.attributes, "skipped") + attributeCount(suite.attributes, "disabled"));
  return { passed: tests - failed - skipped, failed, skipped };
}

/** The runners whose JUnit root names them ("vitest tests", jest-junit's "jest tests", …). */
const namedRunner = /^(vitest|jest|mocha|pytest) tests$/i;

function toolName(rootAttributes: Record<string, string> | undefined): string {
  const runner = namedRunner.exec(rootAttributes?.name ?? "");
  return runner ? runner[1]!.toLowerCase() : "junit";
}

function metricsOf(counts: Counts, scope: string | null): ScanMetric[] {
  return [
    { key: metricKeys.testsPassed, value: counts.passed, unit: null, scope },
    { key: metricKeys.testsFailed, value: counts.failed, unit: null, scope },
    { key: metricKeys.testsSkipped, value: counts.skipped, unit: null, scope },
  ];
}

const isSuiteRoot = (name: string) => name === "testsuites" || name === "testsuite";

/** What reading the file found: totals, top-level suites by name, the root's attributes. */
class Tally {
  readonly total = zero();
  readonly suites = new Map<string, Counts>();
  rootAttributes: Record<string, string> | undefined;

  count(scope: string | null, counts: Counts) {
    add(this.total, counts);
    // A suite without a name still counts in the totals; it has nothing to be scoped by.
    if (!scope) return;
    const suite = this.suites.get(scope) ?? zero();
    this.suites.set(scope, suite);
    add(suite, counts);
  }
}

/**
 * Where the top-level suites sit (depth 2 under <testsuites>, or the root <testsuite> itself) and
 * which of them hold a testcase, by their place among their siblings.
 */
class Layout {
  root = "";
  testcases = 0;
  topSuites = 0;
  readonly suitesWithCases = new Set<number>();

  get topDepth() {
    return this.root === "testsuites" ? 2 : 1;
  }

  isTopSuite(path: readonly string[]) {
    return path.length === this.topDepth && path.at(-1) === "testsuite";
  }

  /** The testcases' top-level suite, when the testcase sits in one. */
  topSuiteOf(ancestors: readonly XmlAncestor[]): XmlAncestor | null {
    const suite = ancestors[this.topDepth - 1];
    return suite?.name === "testsuite" ? suite : null;
  }
}

/** Pass one: every testcase, streamed. select sees each element outside a chosen one, in document order. */
async function countTestcases(source: ScanSource, tally: Tally): Promise<Layout> {
  const layout = new Layout();
  const select = (path: readonly string[]) => {
    if (path.length === 1) layout.root = path[0]!;
    if (layout.isTopSuite(path)) layout.topSuites++;
    if (path.at(-1) !== "testcase") return false;
    if (path.length > layout.topDepth && path[layout.topDepth - 1] === "testsuite") layout.suitesWithCases.add(layout.topSuites - 1);
    return true;
  };
  for await (const { element, ancestors } of xmlElements(source.open(), select)) {
    layout.testcases++;
    tally.rootAttributes ??= ancestors[0]?.attributes;
    const counts = zero();
    counts[outcomeOf(element)]++;
    tally.count(layout.topSuiteOf(ancestors)?.attributes.name ?? null, counts);
  }
  return layout;
}

/** Pass two, when some top-level suite held no testcase: those suites, whole (they are small), by their attributes. */
async function countSuitesWithoutTestcases(source: ScanSource, tally: Tally, layout: Layout) {
  let topSuite = -1;
  const select = (path: readonly string[]) => layout.isTopSuite(path) && !layout.suitesWithCases.has(++topSuite);
  for await (const { element } of xmlElements(source.open(), select)) {
    const counts = attributeCounts(element);
    if (counts) tally.count(element.attributes.name ?? null, counts);
  }
}

/** Pass two, when there is no testcase at all: the whole tree is suites and attributes, small enough to hold. */
async function countAttributesOnly(source: ScanSource, tally: Tally) {
  for await (const { element: root } of xmlElements(source.open(), (path) => path.length === 1)) {
    tally.rootAttributes = root.attributes;
    const suites = root.name === "testsuite" ? [root] : root.children.filter((child) => child.name === "testsuite");
    let counted = false;
    for (const suite of suites) {
      const counts = attributeCounts(suite);
      if (counts) tally.count(suite.attributes.name ?? null, counts);
      counted ||= counts !== null;
    }
    // <testsuites tests="12" failures="1"/> with no suite that says more: the root is all there is.
    if (!counted) tally.count(null, (root.name === "testsuites" ? attributeCounts(root) : null) ?? zero());
  }
}

function* records(tally: Tally): Generator<ScanRecord> {
  yield { type: "tool", name: toolName(tally.rootAttributes), version: null };
  for (const metric of metricsOf(tally.total, null)) yield { type: "metric", metric };
  for (const [name, counts] of tally.suites) for (const metric of metricsOf(counts, name)) yield { type: "metric", metric };
}

export const junitParser: ScanParser = {
  format: "junit",
  name: "JUnit XML",
  produces: "metrics",
  detect: (sniff) => sniff.syntax === "xml" && isSuiteRoot(sniff.xmlRoot?.name ?? ""),
  async *parse(source): AsyncGenerator<ScanRecord> {
    const tally = new Tally();
    const layout = await countTestcases(source, tally);
    if (!isSuiteRoot(layout.root)) throw new ScanShapeError("the root element is neither <testsuites> nor <testsuite>: not a JUnit report", layout.root);
    if (!layout.testcases) await countAttributesOnly(source, tally);
    else if (layout.suitesWithCases.size < layout.topSuites) await countSuitesWithoutTestcases(source, tally, layout);
    yield* records(tally);
  },
};
