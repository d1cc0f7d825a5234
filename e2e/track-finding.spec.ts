import { test, expect, signInAs, createProject } from "./fixtures";

test("a lead creates a project, adds a finding, filters to it, and changes its status", async ({ page }) => {
  const { email } = await signInAs(page, "admin");
  const slug = await createProject(page, "Checkout service");
  await expect(page.getByRole("heading", { name: "Checkout service" })).toBeVisible();
  await expect(page.getByText("No findings recorded yet")).toBeVisible();

  await page.getByTestId("new-finding").click();
  await page.getByTestId("save-finding").click();
  await expect(page.getByTestId("error-title")).toBeVisible();

  await page.getByLabel("Title").fill("Session cookie lacks the Secure flag");
  await page.getByLabel("Reference").fill("HIGH-07");
  await page.getByLabel("Severity").selectOption("high");
  await page.getByLabel("Kind").selectOption("misconfiguration");
  await page.getByLabel("Category").selectOption({ label: "Security" });
  await page.getByLabel("File").fill("src/session.ts");
  await page.getByLabel("Line").fill("42");
  await page.getByLabel("Description").fill("Cookies are sent over plain HTTP.");
  await page.getByTestId("save-finding").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Session cookie lacks the Secure flag");

  // A second finding, so the filter has something to leave out.
  await page.goto(`/projects/${slug}/findings/new`);
  await page.getByLabel("Title").fill("README lacks setup steps");
  await page.getByLabel("Severity").selectOption("low");
  await page.getByTestId("save-finding").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("README lacks setup steps");

  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("finding-row")).toHaveCount(2);
  await page.locator('select[name="severity"]').selectOption("high");
  await page.locator('select[name="status"]').selectOption("open");
  await page.locator('input[name="q"]').fill("secure flag");
  await page.getByTestId("apply-filters").click();
  await expect(page).toHaveURL(/severity=high/);
  await expect(page.getByTestId("finding-row")).toHaveCount(1);
  await expect(page.getByTestId("findings-count")).toContainText("1 finding");

  await page.getByTestId("finding-row").getByRole("link", { name: "Session cookie lacks the Secure flag" }).click();
  await expect(page.getByTestId("finding-status")).toHaveText("Open");
  await expect(page.getByText("src/session.ts:42")).toBeVisible();
  await page.locator('select[name="status"]').selectOption("in_progress");
  await page.getByTestId("change-status").click();
  await expect(page.getByTestId("finding-status")).toHaveText("In progress");
  const latest = page.getByTestId("finding-events").locator("li").first();
  await expect(latest).toContainText("Status: Open → In progress");
  await expect(latest).toContainText(email);
});
