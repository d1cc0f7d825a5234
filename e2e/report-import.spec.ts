import { mkdirSync, readFileSync } from "node:fs";
import { test, expect, signInAs, createProject } from "./fixtures";

const seed002 = "lib/seed/reports/002_dd5bbc5571d6b528.txt";

test.describe.configure({ mode: "serial" });
let slug: string;

test("a lead imports seed 002: preview counts, an edited severity, the summary, then findings and 4 sprints", async ({ page }) => {
  await signInAs(page, "lead");
  slug = await createProject(page, "GoApps import");
  await page.getByTestId("import-report").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import a report");

  await page.locator("input[type=file]").setInputFiles(seed002);
  await expect(page.getByTestId("chosen-file")).toContainText("002_dd5bbc5571d6b528.txt");
  await page.getByTestId("preview-report").click();

  await expect(page.getByTestId("preview-count-findings")).toHaveText("43 findings");
  await expect(page.getByTestId("preview-count-strengths")).toHaveText("15 strengths");
  await expect(page.getByTestId("preview-count-sprints")).toHaveText("4 sprints");
  await expect(page.getByTestId("preview-count-items")).toHaveText("42 roadmap items");
  await expect(page.getByTestId("preview-severity-critical")).toHaveText("Critical 1");
  await expect(page.getByTestId("preview-severity-high")).toHaveText("High 6");
  await expect(page.getByTestId("preview-severity-medium")).toHaveText("Medium 24");
  await expect(page.getByTestId("preview-severity-low")).toHaveText("Low 12");
  await expect(page.getByTestId("preview-kind-inconsistency").getByTestId("preview-finding")).toHaveCount(12);
  await expect(page.getByTestId("preview-kind-missing").getByTestId("inferred")).toHaveCount(15);

  // The M-01 row states no severity; the lead knows it is high.
  const m01 = page.getByTestId("preview-finding").filter({ hasText: "M-01" });
  await m01.getByRole("combobox", { name: /^Severity:/ }).selectOption("high");
  await expect(m01.getByTestId("inferred")).toHaveCount(0);
  await expect(page.getByTestId("preview-severity-high")).toHaveText("High 7");

  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: "test-results/screenshots/import-preview-edited-laptop.png", fullPage: true });
  await page.getByTestId("commit-import").click();
  await expect(page.getByTestId("import-summary")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/import-summary-laptop.png", fullPage: true });
  await expect(page.getByTestId("summary-added-findings")).toHaveText("43");
  await expect(page.getByTestId("summary-added-strengths")).toHaveText("15");
  await expect(page.getByTestId("summary-added-sprints")).toHaveText("4");
  await expect(page.getByTestId("summary-added-items")).toHaveText("42");

  await page.getByRole("link", { name: "Go to the findings" }).click();
  await page.waitForURL(`**/projects/${slug}`);
  await expect(page.getByTestId("sprint")).toHaveCount(4);
  await expect(page.getByTestId("sprint-items")).toHaveText(["8 items, 0 done", "12 items, 0 done", "12 items, 0 done", "10 items, 0 done"]);
  await expect(page.getByTestId("strengths-count")).toHaveText("15 strengths");
  await expect(page.getByTestId("findings-count")).toContainText("43");
  await page.screenshot({ path: "test-results/screenshots/project-imported-laptop.png", fullPage: true });

  await page.getByLabel("Search", { exact: true }).fill("CRIT-01");
  await page.getByTestId("apply-filters").click();
  await expect(page.getByTestId("finding-row")).toHaveCount(1);
  await expect(page.getByTestId("finding-row")).toContainText("Critical");
  await expect(page.getByTestId("finding-row")).toContainText("Git Config Mengandung GitHub Access Token Plaintext");

  await page.getByLabel("Search", { exact: true }).fill("M-01");
  await page.getByTestId("apply-filters").click();
  await expect(page.getByTestId("finding-row")).toHaveCount(1);
  await expect(page.getByTestId("finding-row")).toContainText("High");
  await expect(page.getByTestId("finding-row")).toContainText("NetworkPolicy untuk semua namespace");
});

test("importing the same report again adds and changes nothing", async ({ page }) => {
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}/import`);
  await page.locator("input[type=file]").setInputFiles(seed002);
  await page.getByTestId("preview-report").click();
  await expect(page.getByTestId("preview-count-findings")).toHaveText("43 findings");
  await page.getByTestId("commit-import").click();
  await expect(page.getByTestId("summary-added-findings")).toHaveText("0");
  await expect(page.getByTestId("summary-updated-findings")).toHaveText("0");
  await expect(page.getByTestId("summary-added-items")).toHaveText("0");
});

test("a report with nothing recognisable is refused with what the importer looks for, and the text is kept; pasted Markdown previews like a file", async ({ page }) => {
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}/import`);
  await page.getByLabel("…or paste its Markdown").fill("Just a note to self.");
  await page.getByTestId("preview-report").click();
  await expect(page.getByTestId("import-error")).toContainText("Nothing recognisable in this report");
  await expect(page.getByLabel("…or paste its Markdown")).toHaveValue("Just a note to self.");
  await expect(page.getByTestId("import-error")).toContainText("finding headings such as");

  // Pasted Markdown is read like an uploaded file.
  await page.getByLabel("…or paste its Markdown").fill("# Payments API readiness\n\n### CRIT-01: Token in git config\n\n**Severity:** Critical\n");
  await page.getByTestId("preview-report").click();
  await expect(page.getByRole("heading", { name: "Preview of Payments API readiness" })).toBeVisible();
  await expect(page.getByTestId("preview-count-findings")).toHaveText("1 finding");
  await expect(page.getByTestId("preview-severity-critical")).toHaveText("Critical 1");
});

test("a file that is not Markdown, or too large, is refused with a clear message and stays chosen", async ({ page }) => {
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}/import`);
  const file = page.locator("input[type=file]");
  await file.setInputFiles({ name: "trivy.json", mimeType: "application/json", buffer: Buffer.from('{"Results": []}') });
  await page.getByTestId("preview-report").click();
  await expect(page.getByTestId("import-error")).toContainText("“trivy.json” is not a Markdown report");
  await expect(page.getByTestId("chosen-file")).toContainText("trivy.json");
  expect(await file.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe("trivy.json");

  // Over the limit: refused in the browser, before the upload (the server refuses it too).
  await file.setInputFiles({ name: "huge.md", mimeType: "text/markdown", buffer: Buffer.alloc(6 * 1024 * 1024, "# a\n") });
  await page.getByTestId("preview-report").click();
  await expect(page.getByTestId("import-error")).toContainText("The report is 6 MB; the limit is 5 MB.");
});

test("the server actions refuse a lead who became a viewer between preview and import", async ({ page }) => {
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}/import`);
  await page.locator("input[type=file]").setInputFiles(seed002);
  await page.getByTestId("preview-report").click();
  await expect(page.getByTestId("preview-count-findings")).toHaveText("43 findings");
  // The same browser, now signed in as a viewer: both actions check the role on the server.
  await signInAs(page, "viewer");
  await page.getByTestId("commit-import").click();
  await expect(page.getByTestId("import-error")).toHaveText("Your role does not allow this.");
  await page.getByRole("button", { name: "Choose another report" }).click();
  await page.getByLabel("…or paste its Markdown").fill("### CRIT-01: Token in git config\n\n**Severity:** Critical\n");
  await page.getByTestId("preview-report").click();
  await expect(page.getByTestId("import-error")).toHaveText("Your role does not allow this.");
  // Only the two imports of the lead's earlier tests happened.
  const imports = await page.request.get(`/api/v1/projects/${slug}/reports`);
  expect((await imports.json()).items).toHaveLength(2);
});

test("a viewer sees no import link, gets no import page, and the server refuses an import", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("finding-row").first()).toBeVisible();
  await expect(page.getByTestId("import-report")).toHaveCount(0);
  await page.goto(`/projects/${slug}/import`);
  await expect(page.getByTestId("not-found")).toBeVisible();
  const res = await page.request.post(`/api/v1/projects/${slug}/reports`, {
    multipart: { file: { name: "r.md", mimeType: "text/markdown", buffer: readFileSync(seed002) } },
  });
  expect(res.status()).toBe(403);
});
