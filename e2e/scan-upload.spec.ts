import { mkdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, expect, signInAs, createProject } from "./fixtures";
import { writeSarif } from "../scripts/bench/sarif-generator";

const trivy = "tests/fixtures/scans/trivy/issue_9170.json";
const semgrep = "tests/fixtures/scans/semgrep/many_vulns.json";

test.describe.configure({ mode: "serial" });
let slug: string;

test("a lead drops a Trivy report on the scans page, sees the counts and the gate, then the findings", async ({ page }) => {
  await signInAs(page, "lead");
  slug = await createProject(page, "Scanned API");
  await page.getByTestId("project-scans").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scans");
  await expect(page.getByText("No scans yet")).toBeVisible();

  await page.getByTestId("scan-file").setInputFiles(trivy);
  await expect(page.getByTestId("scan-drop-zone")).toContainText("issue_9170.json");
  await page.getByLabel("Branch", { exact: true }).fill("main");
  await page.getByTestId("send-scan").click();
  await expect(page.getByTestId("scan-result")).toBeVisible();
  await expect(page.getByTestId("scan-result")).toContainText("trivy: 37 findings in the file.");
  await expect(page.getByTestId("scan-result-counts")).toHaveText("37 new, 0 reopened, 0 unchanged, 0 fixed per scan.");
  await expect(page.getByTestId("scan-gate")).toHaveText(/Pass|Fail/);
  await expect(page.getByTestId("scan-history").locator("tbody tr")).toHaveCount(1);
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: "test-results/screenshots/scan-uploaded-laptop.png", fullPage: true });

  await page.getByRole("link", { name: "See what changed" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What changed in this scan");
  await expect(page.getByTestId("scan-created")).toContainText("New findings (37)");

  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("findings-count")).toContainText("37");
  await page.getByRole("combobox", { name: /^Source/ }).selectOption("trivy");
  await page.getByTestId("apply-filters").click();
  // issue_9170.json is a Kubernetes cluster scan: its findings are misconfigurations.
  await expect(page.getByTestId("finding-row").first()).toContainText("Misconfiguration");
  await expect(page.getByTestId("finding-row").first()).toContainText("trivy");
  await page.getByTestId("finding-row").first().getByRole("link").first().click();
  await expect(page.getByTestId("finding-sources")).toContainText("trivy");
  await expect(page.getByTestId("finding-sources")).toContainText("main");
});

test("the same file again changes nothing; a non-scan file is refused with the list of formats", async ({ page }) => {
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}/scans`);
  await page.getByTestId("scan-file").setInputFiles(trivy);
  await page.getByTestId("send-scan").click();
  await expect(page.getByTestId("scan-result-counts")).toHaveText("0 new, 0 reopened, 37 unchanged, 0 fixed per scan.");

  await page.getByTestId("scan-file").setInputFiles({ name: "notes.md", mimeType: "text/markdown", buffer: Buffer.from("# Notes\n\nNot a scan.") });
  await page.getByTestId("send-scan").click();
  await expect(page.getByTestId("scan-error")).toContainText("Readyboard does not recognise this file");
  await expect(page.getByTestId("scan-error")).toContainText("SARIF 2.1.0");
});

test("a second tool's scan shows in the history, and a phone can use the page", async ({ page }) => {
  await signInAs(page, "lead");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/projects/${slug}/scans`);
  await page.getByTestId("scan-file").setInputFiles(semgrep);
  await page.getByTestId("send-scan").click();
  await expect(page.getByTestId("scan-result")).toContainText("semgrep: 48 findings in the file.");
  await expect(page.getByTestId("scan-history").locator("tbody tr")).toHaveCount(3);
  await page.screenshot({ path: "test-results/screenshots/scan-history-phone.png", fullPage: true });
});

test("a SARIF file larger than what Next buffers (13 MB) goes up with a progress bar and is read whole", async ({ page }) => {
  const file = path.join(os.tmpdir(), `readyboard-e2e-${Date.now()}.sarif`);
  await writeSarif(file, { results: 30_000, files: 1_500, rules: 120 });
  expect(statSync(file).size).toBeGreaterThan(11 * 1024 * 1024);
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}/scans`);
  await page.getByTestId("scan-file").setInputFiles(file);
  await page.getByTestId("send-scan").click();
  await expect(page.getByTestId("scan-progress")).toBeVisible();
  await expect(page.getByTestId("scan-result")).toContainText("codeql: 30,000 findings in the file.", { timeout: 90_000 });
  await expect(page.getByTestId("scan-result-counts")).toHaveText("30,000 new, 0 reopened, 0 unchanged, 0 fixed per scan.");
});

test("a viewer sees the history but no upload, and the tokens page is not theirs", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto(`/projects/${slug}/scans`);
  await expect(page.getByTestId("scan-history")).toBeVisible();
  await expect(page.getByTestId("scan-upload")).toHaveCount(0);
  await expect(page.getByTestId("api-tokens")).toHaveCount(0);
  await page.goto(`/projects/${slug}/tokens`);
  await expect(page.getByTestId("not-found")).toBeVisible();
  const refused = await page.request.post(`/api/v1/projects/${slug}/scans`, { multipart: { file: { name: "t.json", mimeType: "application/json", buffer: Buffer.from("{}") } } });
  expect(refused.status()).toBe(403);
});

test("a lead creates a token, CI uploads with it, and a revoked token is refused", async ({ page, playwright, baseURL }) => {
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}/tokens`);
  await page.getByLabel("Name").fill("github-actions");
  await page.getByTestId("create-token").click();
  const secret = (await page.getByTestId("token-secret").textContent())!.trim();
  expect(secret).toMatch(/^rb_/);

  const ci = await playwright.request.newContext({ baseURL });
  const uploaded = await ci.post(`/api/v1/projects/${slug}/scans`, {
    headers: { authorization: `Bearer ${secret}` },
    multipart: { file: { name: "semgrep.json", mimeType: "application/json", buffer: Buffer.from(await (await import("node:fs/promises")).readFile(semgrep)) }, branch: "main" },
  });
  expect(uploaded.status()).toBe(201);
  expect((await uploaded.json()).scan).toMatchObject({ tool: "semgrep", unchanged: 48 });

  page.once("dialog", (dialog) => dialog.accept());
  await page.reload();
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("token-list")).toContainText("Revoked");
  const refused = await ci.post(`/api/v1/projects/${slug}/scans`, { headers: { authorization: `Bearer ${secret}` }, multipart: { file: { name: "s.json", mimeType: "application/json", buffer: Buffer.from("{}") } } });
  expect(refused.status()).toBe(401);
  await ci.dispose();
});
