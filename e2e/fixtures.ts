import { readFileSync } from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";

export type Role = "admin" | "lead" | "engineer" | "viewer" | "throttled";

export function credentials(role: Role): { email: string; password: string } {
  const all = JSON.parse(readFileSync(process.env.E2E_CREDENTIALS!, "utf8"));
  return all[role];
}

/** Signs in through next-auth's endpoints, not the form; the page's context keeps the cookie. */
export async function signInAs(page: Page, role: Role) {
  const { email, password } = credentials(role);
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
  expect(res.ok(), `sign in as ${role}: ${res.status()} ${await res.text()}`).toBe(true);
  return { email };
}

export const test = base.extend({
  baseURL: async ({}, provide) => provide(process.env.E2E_BASE_URL),
});

export { expect };

let counter = 0;
export const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

/** Creates a project through the form as the signed-in user; returns its slug. */
export async function createProject(page: Page, name: string) {
  const slug = uniqueSlug("e2e");
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Slug").fill(slug);
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(`**/projects/${slug}`);
  return slug;
}

/** Adds a finding through the JSON API with the page's session; returns its id. */
export async function addFinding(page: Page, slug: string, body: Record<string, unknown>) {
  const res = await page.request.post(`/api/v1/projects/${slug}/findings`, { data: body });
  expect(res.status()).toBe(201);
  return (await res.json()).id as string;
}
