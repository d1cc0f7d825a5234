#!/usr/bin/env node
// `npm test`: lint → typecheck → unit → integration → build → e2e, then one line with the totals
// of every test run: `N passed, N failed`. A failing step fails the run; later steps still run
// where they can, so one run shows everything that is wrong.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";

const out = path.resolve("test-results/totals");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const totals = { passed: 0, failed: 0 };
const timings = [];
let failedSteps = [];

function run(name, command, args, extraEnv = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (result.status !== 0) failedSteps.push(name);
  return result.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  return true;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  return true;
}

const bin = (name) => path.resolve("node_modules/.bin", name);

run("lint", bin("eslint"), ["--max-warnings", "0", "."]);
run("typecheck", bin("tsc"), ["--noEmit"]);
for (const project of ["unit", "integration"]) {
  const file = path.join(out, `${project}.json`);
  run(project, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  if (!countVitest(file)) totals.failed += 1;
}

const built = run("build", bin("next"), ["build"]);
if (built) {
  let chromium;
  try {
    chromium = await findChromium();
  } catch (error) {
    console.error(error.message);
    failedSteps.push("browser");
  }
  if (chromium) {
    const file = path.join(out, "e2e.json");
    run("e2e", bin("playwright"), ["test", "--reporter=list,json"], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    if (!countPlaywright(file)) totals.failed += 1;
  }
} else {
  failedSteps.push("e2e (not run: no build)");
  totals.failed += 1;
}

console.log(`\nSteps: ${timings.join(", ")}`);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(", ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
