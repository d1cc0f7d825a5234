// Lets Node run the project's TypeScript (through tsx) outside Next: used by the CLI and by
// test support scripts (`node --import ./bin/register.mjs script.ts`).
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
