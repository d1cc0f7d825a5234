import { test, expect, signInAs, createProject, addFinding } from "./fixtures";

let slug: string;
let findingId: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ baseURL: process.env.E2E_BASE_URL });
  await signInAs(page, "lead");
  slug = await createProject(page, "Role matrix");
  findingId = await addFinding(page, slug, { title: "Open port 5432", severity: "high", kind: "misconfiguration" });
  await page.close();
});

test("a viewer reads the project and the finding but sees no edit controls", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "New project" })).toHaveCount(0);
  await page.goto(`/projects/${slug}`);
  await expect(page.getByTestId("finding-row")).toHaveCount(1);
  await expect(page.getByTestId("new-finding")).toHaveCount(0);
  await page.getByTestId("finding-row").getByRole("link", { name: "Open port 5432" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open port 5432");
  for (const id of ["edit-finding", "change-status", "delete-finding"]) await expect(page.getByTestId(id)).toHaveCount(0);
  await page.goto(`/projects/${slug}/findings/new`);
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("the server refuses a viewer's writes", async ({ page }) => {
  await signInAs(page, "viewer");
  const create = await page.request.post(`/api/v1/projects/${slug}/findings`, { data: { title: "Sneaky", severity: "low" } });
  expect(create.status()).toBe(403);
  expect((await create.json()).error.code).toBe("forbidden");
  const status = await page.request.patch(`/api/v1/projects/${slug}/findings/${findingId}`, { data: { status: "resolved" } });
  expect(status.status()).toBe(403);
  const read = await page.request.get(`/api/v1/projects/${slug}/findings/${findingId}`);
  expect((await read.json()).status).toBe("open");
});

test("an engineer may change a status but not create or edit findings", async ({ page }) => {
  await signInAs(page, "engineer");
  const status = await page.request.patch(`/api/v1/projects/${slug}/findings/${findingId}`, { data: { status: "in_progress" } });
  expect(status.status()).toBe(200);
  expect((await status.json()).status).toBe("in_progress");
  const create = await page.request.post(`/api/v1/projects/${slug}/findings`, { data: { title: "Nope", severity: "low" } });
  expect(create.status()).toBe(403);
  const edit = await page.request.patch(`/api/v1/projects/${slug}/findings/${findingId}`, { data: { title: "Renamed", severity: "low" } });
  expect(edit.status()).toBe(403);
});

test("anonymous callers get 401 and bad input gets field messages", async ({ page, request }) => {
  const anonymous = await request.get(`/api/v1/projects/${slug}/findings`);
  expect(anonymous.status()).toBe(401);
  await signInAs(page, "lead");
  const bad = await page.request.post(`/api/v1/projects/${slug}/findings`, { data: { title: "", severity: "urgent" } });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.code).toBe("invalid");
  expect(Object.keys(body.error.fields).sort()).toEqual(["severity", "title"]);
});
