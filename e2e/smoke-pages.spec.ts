import { mkdirSync } from "node:fs";
import { test, expect, signInAs, createProject, addFinding } from "./fixtures";

test("portfolio, project, finding, users and 404 pages fit the screen", async ({ page }, testInfo) => {
  await signInAs(page, "admin");
  const slug = await createProject(page, "Smoke");
  const id = await addFinding(page, slug, { title: "A long finding title that has to wrap on a phone screen without pushing the page sideways", severity: "critical", file: "services/payments/src/handlers/refunds/create-refund-handler.ts", line: 120 });
  mkdirSync("test-results/screenshots", { recursive: true });
  for (const [name, path] of [["portfolio", "/"], ["project", `/projects/${slug}`], ["finding", `/projects/${slug}/findings/${id}`], ["new-finding", `/projects/${slug}/findings/new`], ["import", `/projects/${slug}/import`], ["board", `/projects/${slug}/board`], ["users", "/users"], ["not-found", "/no/such/page"]]) {
    await page.goto(path!);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${testInfo.project.name} width`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `test-results/screenshots/${name}-${testInfo.project.name}.png`, fullPage: true });
  }
  // The import preview: wide tables scroll inside their cards, not the page.
  await page.goto(`/projects/${slug}/import`);
  await page.locator("input[type=file]").setInputFiles("lib/seed/reports/002_dd5bbc5571d6b528.txt");
  await page.getByTestId("preview-report").click();
  await expect(page.getByTestId("preview-count-findings")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `import preview scrolls sideways at ${testInfo.project.name} width`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `test-results/screenshots/import-preview-${testInfo.project.name}.png`, fullPage: true });
  await page.screenshot({ path: `test-results/screenshots/import-preview-fold-${testInfo.project.name}.png` });
});
