import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseReport } from "@/lib/reports/parse-report";

// A 1 MB report made of real ones: every seed and fixture report, repeated until 1 MB, each
// copy under its own "## Part n" so findings stay distinct. Target: parse in under a second.
function megabyteReport(): string {
  const files = [
    ...readdirSync("lib/seed/reports").filter((f) => f.endsWith(".txt")).map((f) => path.join("lib/seed/reports", f)),
    ...readdirSync("tests/fixtures/reports").filter((f) => f.endsWith(".md")).map((f) => path.join("tests/fixtures/reports", f)),
  ];
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const parts: string[] = ["# Combined readiness report\n"];
  let size = 0;
  for (let i = 0; size < 1024 * 1024; i++) {
    const text = texts[i % texts.length]!.replace(/^# /gm, "## ");
    parts.push(`\n## Part ${i + 1}\n\n${text}`);
    size += Buffer.byteLength(text);
  }
  return parts.join("");
}

/** 1 MB of one-item checklists between paragraphs: the shape remark's parser slowed on quadratically. */
function megabyteOfLists(): string {
  const parts: string[] = ["# Roadmap\n\n## Sprint 1\n"];
  for (let i = 0; Buffer.byteLength(parts.join("")) < 1024 * 1024; i++) {
    const batch: string[] = [];
    for (let j = 0; j < 1000; j++) batch.push(`- [ ] Fix item ${i * 1000 + j} (2 jam)\n\nNote ${j}.\n`);
    parts.push(batch.join("\n"));
  }
  return parts.join("\n");
}

function measure(name: string, report: string, target: string) {
  const times: number[] = [];
  let result = parseReport(report);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    result = parseReport(report);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mb = (Buffer.byteLength(report) / 1024 / 1024).toFixed(2);
  const items = result.sprints.reduce((n, s) => n + s.items.length, 0);
  console.log(`${name}: ${mb} MB; findings ${result.findings.length}, strengths ${result.strengths.length}, sprints ${result.sprints.length}, items ${items}`);
  console.log(`  parse time over 5 runs: median ${times[2]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms, worst ${times[4]!.toFixed(0)} ms (${target})`);
}

export default async function run() {
  const report = megabyteReport();
  parseReport(report.slice(0, 100_000)); // warm up the JIT
  measure("real reports", report, "target < 1000 ms");
  // micromark, remark's tokenizer, took 28 s on 8,000 such lists (200 kB); what matters here is that time stays linear.
  measure("stress: 26,000 one-item checklists", megabyteOfLists(), "no target; linear in size");
  console.log(`heap used after: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
}
