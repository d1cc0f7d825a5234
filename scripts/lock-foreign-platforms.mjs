#!/usr/bin/env node
// The npm registry mirror this project is built on serves only the platform packages for the
// machines it runs on (linux); `npm install` then leaves the other platforms' optional binaries
// (darwin, win32, …) out of package-lock.json and `npm ci` refuses the lock as "out of sync".
// This adds a lock entry for each such package, with its os/cpu, so npm ci skips it as foreign.
// Run after `npm install` changes dependencies: node scripts/lock-foreign-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const osNames = ["darwin", "win32", "android", "freebsd", "openharmony", "linux", "wasm32"];
const cpuNames = { "arm64": "arm64", "x64": "x64", "ia32": "ia32", "arm": "arm", "ppc64": "ppc64", "s390x": "s390x", "riscv64": "riscv64", "loong64": "loong64", "wasi": "wasm32" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = osNames.find((o) => parts.includes(o));
  const cpu = Object.keys(cpuNames).find((c) => parts.includes(c));
  if (!os || !cpu) return null;
  if (os === "wasm32") return { cpu: ["wasm32"] };
  const entry = { os: [os], cpu: [cpuNames[cpu]] };
  if (os === "linux") entry.libc = [parts.some((p) => p.startsWith("musl")) ? "musl" : "glibc"];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const parentDir = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[parentDir] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    // Skip packages for this very machine: those must come from the registry.
    if (platform.os?.[0] === process.platform && platform.cpu[0] === process.arch && platform.libc?.[0] !== "musl") continue;
    packages[`node_modules/${dep}`] = { version: spec.replace(/^[\^~=]/, ""), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} foreign-platform lock entries`);
