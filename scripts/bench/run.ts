export {};

// `npm run bench [-- name…]`: runs the named benchmarks (all when none is named) and prints
// their figures. Benchmarks measure; they never fail a build on a number.
const benchmarks: Record<string, () => Promise<{ default: () => Promise<void> }>> = {
  "report-parse": () => import("./report-parse"),
  ingest: () => import("./ingest"),
  dashboard: () => import("./dashboard"),
  board: () => import("./board"),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = names.filter((n) => !benchmarks[n]);
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${Object.keys(benchmarks).join(", ")}`);
  process.exit(1);
}
for (const name of names.length ? names : Object.keys(benchmarks)) {
  console.log(`\n▶ ${name}`);
  await (await benchmarks[name]!()).default();
}
