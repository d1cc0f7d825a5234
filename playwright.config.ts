import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

// The browser comes from scripts/find-chromium.mjs (Debian's chromium here; see README).
const executablePath =
  process.env.CHROMIUM_PATH ?? execFileSync(process.execPath, ["scripts/find-chromium.mjs"], { encoding: "utf8" }).trim();

const launchOptions = {
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: { trace: "on-first-retry", screenshot: "only-on-failure", launchOptions },
  projects: [
    { name: "laptop", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 768 }, launchOptions } },
    { name: "phone", testMatch: /smoke-pages\.spec\.ts/, use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, launchOptions } },
  ],
});
