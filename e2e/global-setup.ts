import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

// Starts e2e/support/stack.ts in its own process (it runs the app's TypeScript through the same
// loader as the CLI) and hands its address to the tests through the environment.
export default async function globalSetup() {
  const stack = spawn(process.execPath, ["--import", "./bin/register.mjs", "e2e/support/stack.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = await new Promise<{ baseURL: string; credentialsFile: string }>((resolve, reject) => {
    const lines = createInterface({ input: stack.stdout! });
    lines.on("line", (line) => {
      if (line.startsWith("READY ")) resolve(JSON.parse(line.slice(6)));
      else console.log(line);
    });
    stack.once("exit", (code) => reject(new Error(`the e2e stack exited early with code ${code}`)));
  });
  process.env.E2E_BASE_URL = ready.baseURL;
  process.env.E2E_CREDENTIALS = ready.credentialsFile;
  return async () => {
    stack.kill("SIGTERM");
    await new Promise((r) => stack.once("exit", r));
  };
}
