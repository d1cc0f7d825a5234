// Finds a Chromium for the browser tests: CHROMIUM_PATH, else Debian's chromium (installed with
// apt when missing and running as root), else Playwright's own download if one is present.
import { execFileSync, execSync } from "node:child_process";
import { existsSync } from "node:fs";

const which = (name) => {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
};

export async function findChromium({ install = true, log = console.error } = {}) {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const debian = which("chromium") ?? which("chromium-browser");
  if (debian) return debian;
  if (install && process.getuid?.() === 0 && which("apt-get")) {
    log("Installing Debian's chromium for the browser tests (apt-get)…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
    const installed = which("chromium");
    if (installed) return installed;
  }
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's browser is not downloaded; fall through to the error.
  }
  throw new Error("No Chromium found: install Debian's chromium (apt-get install chromium), run `npx playwright install chromium`, or set CHROMIUM_PATH.");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await findChromium());
