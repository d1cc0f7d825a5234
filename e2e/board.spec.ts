import { mkdirSync, readFileSync } from "node:fs";
import { test, expect, signInAs, createProject, addFinding } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

test.describe.configure({ mode: "serial" });
let slug: string;

const column = (page: Page, name: string) => page.getByTestId("board-column").filter({ has: page.getByTestId("column-name").getByText(name, { exact: true }) });
const card = (page: Page, title: string) => page.getByTestId("board-card").filter({ hasText: title });

/** The board takes keys and drags once hydrated: dnd-kit then adds its live region for screen readers. */
async function openBoard(page: Page, path: string) {
  await page.goto(path);
  await page.locator('[id^="DndLiveRegion"]').waitFor({ state: "attached" });
}

/** A mouse drag in small steps, as a person drags: dnd-kit starts after 5 px and follows the pointer. */
async function dragWithMouse(page: Page, handle: Locator, target: Locator) {
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, to.y + 70, { steps: 5 });
  await page.mouse.up();
}

test("seed 002's roadmap renders as a board of four sprints with 42 items, effort sums and done %", async ({ page }) => {
  await signInAs(page, "lead");
  slug = await createProject(page, "Board from seed 002");
  const upload = await page.request.post(`/api/v1/projects/${slug}/reports`, {
    multipart: { file: { name: "002.md", mimeType: "text/markdown", buffer: readFileSync("lib/seed/reports/002_dd5bbc5571d6b528.txt") } },
  });
  expect(upload.status()).toBe(201);
  await page.goto(`/projects/${slug}`);
  await page.getByTestId("project-board").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Roadmap board");
  await expect(page.getByTestId("board-card")).toHaveCount(42);
  await expect(page.getByTestId("column-name")).toHaveText([/^Sprint 1/, /^Sprint 2/, /^Sprint 3/, /^Sprint 4/, "Backlog"]);
  await expect(page.getByTestId("column-summary").first()).toHaveText("8 items · 0 done (0 %) · 6.8 h");
  await expect(card(page, "Revoke & rotate GitHub token").getByTestId("card-effort")).toHaveText("15 min");
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: "test-results/screenshots/board-laptop.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the board scrolls inside its frame, not the page").toBeLessThanOrEqual(1);
  await page.screenshot({ path: "test-results/screenshots/board-phone.png" });
});

test("an engineer drags a card to another sprint with the mouse, and the move is kept", async ({ page }) => {
  await signInAs(page, "engineer");
  await openBoard(page, `/projects/${slug}/board`);
  const title = "Fix Jaeger endpoint";
  const sprint2 = column(page, "Sprint 2 — High Priority");
  await expect(sprint2.getByTestId("board-card")).toHaveCount(12);
  await dragWithMouse(page, card(page, title).getByTestId("drag-handle"), sprint2.getByTestId("column-items"));
  await expect(page.getByTestId("board-notice")).toContainText(`Moved “${title}`);
  await expect(sprint2.getByTestId("board-card").filter({ hasText: title })).toHaveCount(1);
  await page.reload();
  await expect(column(page, "Sprint 2 — High Priority").getByTestId("board-card")).toHaveCount(13);
  await expect(column(page, "Sprint 1 — Immediate").getByTestId("board-card")).toHaveCount(7);
});

test("an engineer moves a card with the keyboard alone: Space, arrow, Space", async ({ page }) => {
  await signInAs(page, "engineer");
  await openBoard(page, `/projects/${slug}/board`);
  const title = "Fix iam-service tag";
  const handle = card(page, title).getByTestId("drag-handle");
  // Each key waits for what a screen reader hears, as a person waits to see the card lift.
  const heard = page.locator('[id^="DndLiveRegion"]');
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(heard).toContainText("Over Sprint 1 — Immediate.");
  await page.keyboard.press("ArrowRight");
  await expect(heard).toContainText("Over Sprint 2 — High Priority.");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("board-notice")).toContainText(`Moved “${title}`);
  await openBoard(page, `/projects/${slug}/board`);
  await expect(column(page, "Sprint 2 — High Priority").getByTestId("board-card").filter({ hasText: title })).toHaveCount(1);
  // The item's history says who moved it where.
  await card(page, title).getByTestId("card-title").click();
  await expect(page.getByTestId("item-events")).toContainText("Sprint: Sprint 1 — Immediate → Sprint 2 — High Priority");
});

test("ticking an item done resolves the findings it addresses, and the project's score and level change", async ({ page }) => {
  await signInAs(page, "lead");
  const project = await createProject(page, "Board tick");
  const critical = await addFinding(page, project, { title: "Database exposed to the internet", severity: "critical" });
  const sprint = await page.request.post(`/api/v1/projects/${project}/sprints`, { data: { name: "Sprint 1", window: "< 1 week" } });
  expect(sprint.status()).toBe(201);
  const item = await page.request.post(`/api/v1/projects/${project}/items`, { data: { title: "Close the database port", sprintId: (await sprint.json()).id, effort: "2 h", findingIds: [critical] } });
  expect(item.status()).toBe(201);
  await page.goto(`/projects/${project}`);
  await expect(page.getByTestId("level-badge")).toHaveText("L4");
  const before = await page.getByTestId("overall-score").textContent();

  await signInAs(page, "engineer");
  await openBoard(page, `/projects/${project}/board`);
  // The box ticks once the findings are settled in the dialog.
  await card(page, "Close the database port").getByTestId("tick-done").click();
  await expect(page.getByTestId("done-dialog")).toContainText("Database exposed to the internet");
  await page.getByTestId("dialog-confirm").click();
  await expect(page.getByTestId("board-notice")).toContainText("“Close the database port” is done; 1 finding resolved.");
  await expect(card(page, "Close the database port").getByTestId("card-status")).toHaveText("Done");
  await expect(card(page, "Close the database port").getByTestId("tick-done")).toBeChecked();
  await expect(page.getByTestId("column-summary").first()).toContainText("1 done (100 %)");

  await page.goto(`/projects/${project}`);
  await expect(page.getByTestId("level-badge")).toHaveText("L5");
  await expect(page.getByTestId("overall-score")).toHaveText("100.0");
  expect(before).not.toBe("100.0");
  await page.goto(`/projects/${project}/findings/${critical}`);
  await expect(page.getByTestId("finding-status")).toHaveText("Resolved");
  await expect(page.getByTestId("finding-events")).toContainText("Via the roadmap item Close the database port");
  await expect(page.getByTestId("addressed-by")).toContainText("Close the database port");
});

test("a viewer sees the board but cannot drag or tick, and the server refuses their moves", async ({ page }) => {
  await signInAs(page, "viewer");
  await page.goto(`/projects/${slug}/board`);
  await expect(page.getByTestId("board-card")).toHaveCount(42);
  await expect(page.getByTestId("drag-handle")).toHaveCount(0);
  await expect(page.getByTestId("tick-done")).toHaveCount(0);
  await expect(page.getByTestId("auto-plan")).toHaveCount(0);
  const items = (await (await page.request.get(`/api/v1/projects/${slug}/items`)).json()).items;
  const move = await page.request.patch(`/api/v1/projects/${slug}/items/${items[0].id}`, { data: { version: items[0].version, sprintId: null, index: 0 } });
  expect(move.status()).toBe(403);
  const tick = await page.request.patch(`/api/v1/projects/${slug}/items/${items[0].id}`, { data: { version: items[0].version, status: "done" } });
  expect(tick.status()).toBe(403);
});

test("a sprint by status: the keyboard moves a card from To do to Doing", async ({ page }) => {
  await signInAs(page, "engineer");
  await openBoard(page, `/projects/${slug}/board`);
  await page.getByTestId("status-view-link").first().click();
  await expect(page.getByTestId("status-column")).toHaveCount(3);
  await page.locator('[id^="DndLiveRegion"]').waitFor({ state: "attached" });
  const todo = page.locator('[data-testid="status-column"][data-status="todo"]');
  const doing = page.locator('[data-testid="status-column"][data-status="doing"]');
  await expect(todo.getByTestId("board-card")).toHaveCount(6);
  const heard = page.locator('[id^="DndLiveRegion"]');
  await todo.getByTestId("board-card").first().getByTestId("drag-handle").focus();
  await page.keyboard.press("Space");
  await expect(heard).toContainText("Over To do.");
  await page.keyboard.press("ArrowRight");
  await expect(heard).toContainText("Over Doing.");
  await page.keyboard.press("Space");
  await expect(doing.getByTestId("board-card")).toHaveCount(1);
  await expect(page.getByTestId("board-notice")).toContainText("is now Doing");
  await page.reload();
  await expect(page.locator('[data-testid="status-column"][data-status="doing"]').getByTestId("board-card")).toHaveCount(1);
});

test("a lead plans findings into a sprint from the findings list, then auto-plans the rest", async ({ page }) => {
  await signInAs(page, "lead");
  await page.goto(`/projects/${slug}?severity=high`);
  const rows = page.getByTestId("finding-row");
  await expect(rows).toHaveCount(6);
  const chosen = [await rows.nth(0).getByRole("link").innerText(), await rows.nth(1).getByRole("link").innerText()];
  await rows.nth(0).getByTestId("plan-choose").check();
  await rows.nth(1).getByTestId("plan-choose").check();
  await expect(page.getByTestId("plan-chosen")).toHaveText("2 findings chosen");
  await page.getByTestId("plan-sprint").selectOption({ label: "Sprint 4 — Long-term Improvements" });
  await page.getByTestId("plan-submit").click();
  await expect(page.getByTestId("plan-done")).toContainText("2 items added to Sprint 4");

  await page.goto(`/projects/${slug}/board`);
  await page.getByTestId("auto-plan").click();
  await page.getByTestId("capacity-hours").fill("0");
  await page.getByTestId("propose").click();
  await expect(page.getByTestId("auto-plan-form")).toContainText("More than 0 hours.");
  await page.getByTestId("capacity-hours").fill("16");
  await page.getByTestId("sprint-count").fill("2");
  await page.getByTestId("propose").click();
  await expect(page.getByTestId("plan-sprint")).toHaveCount(2);
  await expect(page.getByTestId("plan-sprint-name").nth(0)).toHaveValue("Sprint 5");
  await expect(page.getByTestId("plan-sprint-name").nth(1)).toHaveValue("Sprint 6");
  await page.getByTestId("plan-sprint-name").first().fill("Hardening");
  // The two planned findings are not proposed again; the critical one leads.
  await expect(page.getByTestId("plan-item").first()).toContainText("Critical");
  for (const title of chosen) await expect(page.getByTestId("plan-item").filter({ hasText: title })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/auto-plan-laptop.png", fullPage: true });
  await page.getByTestId("apply-plan").click();
  await expect(page.getByTestId("plan-applied")).toBeVisible();
  await expect(page.getByTestId("column-name")).toContainText(["Hardening", "Sprint 6"]);
});

test("on a touch screen a card moves by press-and-drag", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signInAs(page, "engineer");
  await openBoard(page, `/projects/${slug}/board`);
  const title = "Fix sync-argocd.yml";
  const handle = card(page, title).getByTestId("drag-handle");
  await handle.scrollIntoViewIfNeeded();
  const box = (await handle.boundingBox())!;
  const target = (await page.getByTestId("board-column").nth(0).getByTestId("column-items").boundingBox())!;
  // Playwright taps but does not drag by touch: send the touch events the screen would.
  const cdp = await context.newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1 }];
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(x, y) });
  await page.waitForTimeout(350);
  for (let i = 1; i <= 10; i++) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(x, y + (target.y + target.height - 10 - y) * (i / 10)) });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await expect(page.getByTestId("board-notice")).toContainText(`Moved “${title}`);
  await context.close();
});
