import { mkdirSync, readFileSync } from "node:fs";
import { test, expect, signInAs, createProject, addFinding } from "./fixtures";

test.describe.configure({ mode: "serial" });
let slug: string;
let critical: string;

test("resolving the last critical finding in the UI moves the score, the level and the trend", async ({ page }) => {
  await signInAs(page, "lead");
  slug = await createProject(page, "Readiness climb");
  critical = await addFinding(page, slug, { title: "Admin panel without authentication", severity: "critical" });
  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("level-badge")).toHaveText("L4");
  await expect(page.getByTestId("level-name")).toHaveText("Exemplary");
  await expect(page.getByTestId("overall-score")).toHaveText("83.3");
  await expect(page.getByTestId("gate-status")).toContainText("Failing");
  await expect(page.getByTestId("what-it-takes")).toContainText("What level 5 (World class) takes");
  await expect(page.getByTestId("what-it-takes")).toContainText("Admin panel without authentication");
  await page.getByTestId("how-computed").locator("summary").click();
  await expect(page.getByTestId("how-computed")).toContainText("100 × K ÷ (K + the weight of its open findings)");
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: "test-results/screenshots/readiness-before-laptop.png", fullPage: true });

  await page.goto(`/projects/${slug}/findings/${critical}`);
  await page.locator('select[name="status"]').selectOption("resolved");
  await page.getByTestId("change-status").click();
  await expect(page.getByTestId("finding-status")).toHaveText("Resolved");

  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("level-badge")).toHaveText("L5");
  await expect(page.getByTestId("level-name")).toHaveText("World class");
  await expect(page.getByTestId("overall-score")).toHaveText("100.0");
  await expect(page.getByTestId("gate-status")).toContainText("Passing");
  // The trend line now ends at the new score (its caption is what screen readers read).
  await expect(page.locator("figure figcaption").first()).toContainText("100.0");
  await page.screenshot({ path: "test-results/screenshots/readiness-after-laptop.png", fullPage: true });
});

test("a lead turns on a coverage criterion: the gate fails until coverage is uploaded, and the portfolio shows it", async ({ page }) => {
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}`);
  await page.getByTestId("edit-gate").click();
  await page.getByTestId("gate-enabled-min_line_coverage").check();
  await page.getByTestId("gate-threshold-min_line_coverage").fill("80");
  await page.getByTestId("save-gate").click();
  await expect(page.getByTestId("gate-saved")).toBeVisible();
  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("gate-status")).toContainText("Failing");
  await expect(page.getByTestId("gate-criterion").filter({ hasText: "Line coverage ≥ 80 %" })).toContainText("not measured");
  await expect(page.getByTestId("level-badge")).toHaveText("L4");

  const upload = await page.request.post(`/api/v1/projects/${slug}/scans`, {
    multipart: { file: { name: "coverage-summary.json", mimeType: "application/json", buffer: readFileSync("tests/fixtures/scans/metrics/c8-coverage-summary.json") } },
  });
  expect(upload.status()).toBe(201);
  expect((await upload.json()).gate.status).toBe("pass");
  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("gate-status")).toContainText("Passing");
  await expect(page.getByTestId("latest-metrics")).toContainText("85.18 %");

  await page.goto("/?sort=name&dir=asc");
  const row = page.getByTestId("portfolio-row").filter({ hasText: "Readiness climb" });
  await expect(row.getByTestId("portfolio-level")).toHaveText("L5 World class");
  await expect(row.getByTestId("portfolio-score")).toHaveText("100.0");
  await page.getByTestId("sort-score").click();
  await expect(page).toHaveURL(/sort=score&dir=/);
  await page.getByTestId("portfolio-trends").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Readiness trends");
  await page.getByTestId("range-30").click();
  await expect(page).toHaveURL(/days=30/);
});

test("the overview fits a phone, and the badge and exports answer", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("level-badge")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: "test-results/screenshots/readiness-phone.png", fullPage: true });
  const badge = await page.request.get(`/api/v1/projects/${slug}/badge.svg`);
  expect(badge.headers()["content-type"]).toContain("image/svg+xml");
  expect(await badge.text()).toContain("L5 World class · gate pass");
  await expect(page.getByTestId("edit-gate")).toHaveCount(0);
});
