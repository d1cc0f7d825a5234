import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { makeProject, makeUser } from "@/tests/support/fixtures";
import { signInAs } from "@/tests/support/session";
import * as route from "@/app/api/v1/projects/[slug]/scans/route";
import * as scanRoute from "@/app/api/v1/projects/[slug]/scans/[id]/route";

vi.mock("next-auth", async (importOriginal) => {
  const { sessionFor } = await import("@/tests/support/session");
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: sessionFor };
});

type Project = Awaited<ReturnType<typeof makeProject>>;
let lead: Awaited<ReturnType<typeof makeUser>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  [lead, viewer] = await Promise.all([makeUser("lead"), makeUser("viewer")]);
});
afterEach(() => {
  signInAs(null);
  delete process.env.SCAN_MAX_BYTES;
});

const bandit = new Uint8Array(readFileSync("tests/fixtures/scans/bandit/many_vulns.json"));
const url = (p: Project, query = "") => `http://localhost/api/v1/projects/${p.slug}/scans${query}`;
const ctx = (p: Project) => ({ params: Promise.resolve({ slug: p.slug }) });

function form(fields: Record<string, string>, file: Uint8Array<ArrayBuffer> | null = bandit, fileName = "bandit.json"): FormData {
  const body = new FormData();
  if (file) body.set("file", new Blob([file]), fileName);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return body;
}

const post = (p: Project, body: BodyInit, headers: Record<string, string> = {}, query = "") =>
  route.POST(new NextRequest(url(p, query), { method: "POST", body, headers }), ctx(p));
const errorOf = async (response: Response) => ({ status: response.status, ...(await response.json()).error });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("POST /api/v1/projects/:slug/scans", () => {
  it("takes a scan from a project token: 201 with the counts and the gate", async () => {
    const project = await makeProject();
    const { token } = await createApiToken(cliActor, project.id, { name: "ci" });
    const response = await post(project, form({ branch: "main", commit: "a1b2c3d" }), bearer(token));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.scan).toMatchObject({ tool: "bandit", format: "bandit", branch: "main", findings: 214, created: 214, closed: 0 });
    expect(body.gate).toMatchObject({ status: expect.stringMatching(/^(pass|fail)$/), criteria: [{ key: "max_open_critical", actual: 0, pass: true }] });
    const scan = await getDb().scan.findUniqueOrThrow({ where: { id: body.scan.scanId } });
    expect(scan).toMatchObject({ commit: "a1b2c3d", actorLabel: expect.stringMatching(/^token:/), sizeBytes: bandit.byteLength });
    expect(scan.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes the file as the raw body with its options in the query", async () => {
    const project = await makeProject();
    signInAs(lead);
    const response = await post(project, bandit, { "content-type": "application/json" }, "?fileName=b.json&closeMissing=false");
    expect(response.status).toBe(201);
    expect((await response.json()).scan).toMatchObject({ fileName: "b.json", findings: 214 });
  });

  it("refuses a raw body shorter than its content-length with 400 and stores nothing", async () => {
    const project = await makeProject();
    signInAs(lead);
    // Cut after a whole line: what remains could still parse, and would close what it lacks.
    const cut = bandit.slice(0, bandit.indexOf(10, 200) + 1);
    const response = await post(project, cut, { "content-type": "application/json", "content-length": String(bandit.byteLength) });
    expect(await errorOf(response)).toMatchObject({ status: 400, message: expect.stringMatching(/cut short/) });
    expect(await getDb().scan.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("answers a wrong or revoked token with 401 and another project's token with 404", async () => {
    const [project, other] = await Promise.all([makeProject(), makeProject()]);
    expect(await errorOf(await post(project, form({}), bearer("rb_not-a-token")))).toMatchObject({ status: 401, code: "unauthorized" });
    const revoked = await createApiToken(cliActor, project.id, { name: "old" });
    await revokeApiToken(cliActor, project.id, revoked.id);
    expect((await post(project, form({}), bearer(revoked.token))).status).toBe(401);
    const foreign = await createApiToken(cliActor, other.id, { name: "other" });
    expect(await errorOf(await post(project, form({}), bearer(foreign.token)))).toMatchObject({ status: 404, code: "not_found" });
    expect(await getDb().scan.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("refuses a viewer (403) and lets them read the history", async () => {
    const project = await makeProject();
    signInAs(viewer);
    expect((await post(project, form({}))).status).toBe(403);
    const history = await route.GET(new NextRequest(url(project)), ctx(project));
    expect(history.status).toBe(200);
    expect((await history.json()).items).toEqual([]);
  });

  it("answers a file over SCAN_MAX_BYTES with 413 and stores nothing", async () => {
    const project = await makeProject();
    signInAs(lead);
    process.env.SCAN_MAX_BYTES = "1000";
    vi.resetModules();
    const fresh = await import("@/app/api/v1/projects/[slug]/scans/route");
    const { env } = await import("@/lib/env");
    expect(env().SCAN_MAX_BYTES).toBe(1000);
    const response = await fresh.POST(new NextRequest(url(project), { method: "POST", body: form({}) }), ctx(project));
    expect(await errorOf(response)).toMatchObject({ status: 413, code: "too_large", message: expect.stringContaining("SCAN_MAX_BYTES") });
    expect(await getDb().scan.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("answers content it cannot recognise with 415 naming the formats, and a broken file with 422 saying where", async () => {
    const project = await makeProject();
    signInAs(lead);
    const markdown = await errorOf(await post(project, form({}, new TextEncoder().encode("# Not a scan\n\nJust words."), "notes.md")));
    expect(markdown).toMatchObject({ status: 415, code: "unsupported_format", message: expect.stringContaining("Bandit JSON") });
    const cut = bandit.subarray(0, Math.floor(bandit.byteLength / 2));
    const broken = await errorOf(await post(project, form({}, cut)));
    expect(broken).toMatchObject({ status: 422, code: "unprocessable", message: expect.stringMatching(/ends too early/) });
    const wrongFormat = await errorOf(await post(project, form({ format: "no-such-tool" })));
    expect(wrongFormat).toMatchObject({ status: 400, code: "invalid" });
    expect(await getDb().finding.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("refuses XML with a DOCTYPE (no entity expansion)", async () => {
    const project = await makeProject();
    signInAs(lead);
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><testsuites>&lol2;</testsuites>';
    const response = await post(project, form({ format: "junit" }, new TextEncoder().encode(bomb), "junit.xml"));
    expect(await errorOf(response)).toMatchObject({ status: 422, message: expect.stringContaining("declares entities is refused") });
  });

  it("shows what a scan changed", async () => {
    const project = await makeProject();
    signInAs(lead);
    const first = (await (await post(project, form({}))).json()).scan;
    const detail = await scanRoute.GET(new NextRequest(`${url(project)}/${first.scanId}`), { params: Promise.resolve({ slug: project.slug, id: first.scanId }) });
    const body = await detail.json();
    expect(body.scan).toMatchObject({ id: first.scanId, createdCount: 214 });
    expect(body.created).toHaveLength(200);
    expect(body.reopened).toEqual([]);
    expect((await scanRoute.GET(new NextRequest(`${url(project)}/nope`), { params: Promise.resolve({ slug: project.slug, id: "nope" }) })).status).toBe(404);
  });
});
