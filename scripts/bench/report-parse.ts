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

export default async function run() {
  const report = megabyteReport();
  parseReport(report.slice(0, 100_000)); // warm up the JIT and remark
  const times: number[] = [];
  let result = parseReport(report);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    result = parseReport(report);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const mb = (Buffer.byteLength(report) / 1024 / 1024).toFixed(2);
  console.log(`report size: ${mb} MB; findings ${result.findings.length}, strengths ${result.strengths.length}, sprints ${result.sprints.length}`);
  console.log(`parse time over 5 runs: median ${times[2]!.toFixed(0)} ms, best ${times[0]!.toFixed(0)} ms, worst ${times[4]!.toFixed(0)} ms (target < 1000 ms)`);
  console.log(`heap used after: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
}
