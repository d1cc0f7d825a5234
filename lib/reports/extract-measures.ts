import { toString } from "mdast-util-to-string";
import type { Block } from "@/lib/reports/markdown-tree";
import type { ParsedGateCriterion, ParsedMetric } from "@/lib/reports/schema";

// Gate criteria stated as targets ("coverage ≥ 80 %", "p95 < 300 ms", "error rate < 1 %",
// "all tests pass") and results stated as measured ("20 passed", "Total Coverage: 93 %").
// A comparator or "target" makes a number a criterion; a bare "Coverage: 93 %" is a result.

const num = String.raw`(\d+(?:[.,]\d+)?)`;
const toNumber = (text: string) => Number(text.replace(",", "."));
const sentenceAround = (text: string, index: number) => {
  const start = Math.max(0, text.lastIndexOf("\n", index) + 1);
  const end = text.indexOf("\n", index);
  return text.slice(start, end < 0 ? undefined : end).trim().slice(0, 300);
};

type Rule<T> = { pattern: RegExp; make: (match: RegExpExecArray, label: string) => T };

const atLeast = String.raw`(?:≥|>=|>|minimal|minimum|min\.?|at least|setidaknya|paling sedikit|target(?:\s*:)?)`;
const below = String.raw`(?:<|≤|<=|under|below|di bawah|kurang dari|max(?:imum)?\.?|maksimal)`;

const gateRules: Rule<ParsedGateCriterion>[] = [
  {
    pattern: new RegExp(String.raw`coverage\s*(?:target\s*)?${atLeast}\s*${num}\s*%`, "gi"),
    make: (m, label) => ({ key: "min_line_coverage", threshold: toNumber(m[1] ?? ""), label }),
  },
  {
    pattern: new RegExp(String.raw`p95\s*(?:latency\s*)?${below}\s*${num}\s*ms`, "gi"),
    make: (m, label) => ({ key: "max_p95_ms", threshold: toNumber(m[1] ?? ""), label }),
  },
  {
    pattern: new RegExp(String.raw`error[ -]rate\s*${below}\s*${num}\s*%`, "gi"),
    make: (m, label) => ({ key: "max_error_rate", threshold: toNumber(m[1] ?? "") / 100, label }),
  },
  {
    pattern: /\b(all tests? (?:pass|passing|passed|green)|semua (?:tes|test|pengujian|uji)\s+(?:lulus|berhasil|pass)|100\s*% tests? pass)/gi,
    make: (_m, label) => ({ key: "all_tests_pass", threshold: 1, label }),
  },
];

const metricRules: Rule<ParsedMetric>[] = [
  {
    pattern: /\b(\d+) (?:tests? )?passed\b/gi,
    make: (m, label) => ({ key: "tests.passed", value: Number(m[1] ?? ""), unit: null, label }),
  },
  {
    pattern: /\b(\d+) (?:tests? )?failed\b/gi,
    make: (m, label) => ({ key: "tests.failed", value: Number(m[1] ?? ""), unit: null, label }),
  },
  {
    pattern: new RegExp(String.raw`(?:total |line |test |code )?coverage\s*[:=]\s*(?:\*\*)?\s*${num}\s*%`, "gi"),
    make: (m, label) => ({ key: "coverage.line", value: toNumber(m[1] ?? ""), unit: "%", label }),
  },
];

function blockText(block: Block): string {
  if (block.node.type === "code") return block.node.value;
  if (block.node.type === "table") return block.node.children.map((row) => row.children.map((c) => toString(c)).join(" | ")).join("\n");
  if (block.node.type === "list") return block.node.children.map((item) => toString(item)).join("\n");
  return toString(block.node);
}

// Blocks are read as one text, one pass per rule; no rule matches across this separator.
const blockSeparator = "\n\u0000\n";

/** The first statement of each key, in the order the rules and then the text state them. */
function collect<T extends { key: string }>(text: string, rules: Rule<T>[]): T[] {
  const byKey = new Map<string, T>();
  for (const rule of rules) {
    for (const match of text.matchAll(rule.pattern)) {
      const found = rule.make(match as RegExpExecArray, sentenceAround(text, match.index ?? 0));
      if (!byKey.has(found.key)) byKey.set(found.key, found);
    }
  }
  return [...byKey.values()];
}

export function extractMeasures(blocks: Block[]): { gateCriteria: ParsedGateCriterion[]; metrics: ParsedMetric[] } {
  const texts = blocks.map((b) => ({ code: b.node.type === "code", text: blockText(b) }));
  const prose = texts.filter((t) => !t.code).map((t) => t.text).join(blockSeparator);
  const gateCriteria = collect(prose, gateRules);
  // Test runners print their results in code blocks, so results are read there too.
  const metrics = collect(texts.map((t) => t.text).join(blockSeparator), metricRules);
  if (metrics.some((m) => m.key === "tests.passed") && !metrics.some((m) => m.key === "tests.failed")) {
    const passed = metrics.find((m) => m.key === "tests.passed")!;
    metrics.push({ key: "tests.failed", value: 0, unit: null, label: passed.label });
  }
  return { gateCriteria, metrics };
}
