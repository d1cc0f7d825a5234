import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { metrics } from "@/lib/metrics/registry";
import { makeProject, makeUser } from "@/tests/support/fixtures";
import { signInAs } from "@/tests/support/session";
import * as route from "@/app/api/v1/projects/[slug]/reports/route";

vi.mock("next-auth", async (importOriginal) => {
  const { sessionFor } = await import("@/tests/support/session");
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: sessionFor };
});

type Project = Awaited<ReturnType<typeof makeProject>>;
type Users = Record<"lead" | "engineer" | "viewer", Awaited<ReturnType<typeof makeUser>>>;
let users: Users;

beforeAll(async () => {
  const [lead, engineer, viewer] = await Promise.all([makeUser("lead"), makeUser("engineer"), makeUser("viewer")]);
  users = { lead, engineer, viewer };
});

// Seed 004: a readiness plan whose 8 next actions are all done.
const plan = readFileSync("lib/seed/reports/004_479f8bec1b2050ea.txt");
const url = (p: Project, query = "") => `http://localhost/api/v1/projects/${p.slug}/reports${query}`;
const ctx = (p: Project) => ({ params: Promise.resolve({ slug: p.slug }) });

function form(fields: Record<string, string | Blob>, fileName = "plan.md"): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") body.set(key, value);
    else body.set(key, value, fileName);
  }
  return body;
}

const post = (p: Project, body: BodyInit, init: { query?: string; headers?: Record<string, string> } = {}) =>
  route.POST(new NextRequest(url(p, init.query), { method: "POST", body, headers: init.headers }), ctx(p));
const list = (p: Project) => route.GET(new NextRequest(url(p)), ctx(p));
const importCount = (outcome: "ok" | "failed") =>
  metrics().imports.get().then((m) => m.values.find((v) => v.labels.kind === "report" && v.labels.outcome === outcome)?.value ?? 0);
const errorOf = async (response: Response) => ({ status: response.status, ...(await response.json()).error });

describe("POST /api/v1/projects/:slug/reports", () => {
  it("imports an uploaded file for a lead (201 with the summary), and lists it for a viewer", async () => {
    const project = await makeProject();
    signInAs(users.lead);
    const ok = await importCount("ok");
    const response = await post(project, form({ file: new Blob([plan], { type: "text/markdown" }) }));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ summary: { importId: expect.any(String), added: { items: 8 }, updated: { items: 0 }, missing: [] }, warnings: expect.any(Array) });
    expect(await getDb().roadmapItem.count({ where: { projectId: project.id, status: "done" } })).toBe(8);
    expect(await importCount("ok")).toBe(ok + 1);

    signInAs(users.viewer);
    const listed = await list(project);
    expect(listed.status).toBe(200);
    expect((await listed.json()).items).toMatchObject([
      {
        id: body.summary.importId, fileName: "plan.md", sha256: createHash("sha256").update(plan).digest("hex"),
        actorLabel: `user:${users.lead.id}`, importedBy: { email: users.lead.email }, addedCount: expect.any(Number), updatedCount: 0, missingCount: 0,
      },
    ]);
  });

  it("takes the Markdown as the body with ?fileName=, or pasted into a text field; the same text twice adds nothing", async () => {
    const project = await makeProject();
    signInAs(users.lead);
    const raw = await post(project, plan, { query: "?fileName=reports%2Fplan-v1.md", headers: { "content-type": "text/markdown; charset=utf-8" } });
    expect(raw.status).toBe(201);
    const pasted = await post(project, form({ text: plan.toString("utf8") }));
    expect(pasted.status).toBe(201);
    expect((await pasted.json()).summary).toMatchObject({ added: { items: 0, sprints: 0 }, updated: { items: 0 }, unchanged: { items: 8 } });
    const imports = await getDb().reportImport.findMany({ where: { projectId: project.id }, orderBy: { createdAt: "asc" } });
    expect(imports.map((i) => i.fileName)).toEqual(["plan-v1.md", "pasted-report.md"]);
  });

  it("refuses engineers and viewers (403) and signed-out callers (401), writing nothing", async () => {
    const project = await makeProject();
    for (const role of ["engineer", "viewer"] as const) {
      signInAs(users[role]);
      expect(await errorOf(await post(project, form({ file: new Blob([plan]) })))).toMatchObject({ status: 403, code: "forbidden" });
    }
    signInAs(null);
    expect((await post(project, form({ file: new Blob([plan]) }))).status).toBe(401);
    expect(await getDb().reportImport.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("answers 413 for a report over the limit: from Content-Length before reading, or while reading the body", async () => {
    const project = await makeProject();
    signInAs(users.lead);
    const failed = await importCount("failed");
    const declared = await post(project, "# small", { headers: { "content-type": "text/markdown", "content-length": String(6 * 1024 * 1024) } });
    expect(await errorOf(declared)).toEqual({ status: 413, code: "too_large", message: "The report is 6 MB; the limit is 5 MB." });
    const big = new Uint8Array(5 * 1024 * 1024 + 100).fill(0x61);
    expect(await errorOf(await post(project, big, { headers: { "content-type": "text/markdown" } }))).toMatchObject({ status: 413, message: "The report is over 5 MB; the limit is 5 MB." });
    expect(await errorOf(await post(project, form({ file: new Blob([big]) })))).toMatchObject({ status: 413, code: "too_large" });
    expect(await importCount("failed")).toBe(failed + 3);
  });

  it("answers 415 for a PNG or a JSON scan, and 422 for Markdown with nothing to import", async () => {
    const project = await makeProject();
    signInAs(users.lead);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await errorOf(await post(project, form({ file: new Blob([png]) }, "shot.png")))).toMatchObject({
      status: 415, code: "unsupported_format", message: expect.stringContaining('"shot.png" is not a Markdown report'),
    });
    const sarif = JSON.stringify({ version: "2.1.0", runs: [] });
    expect(await errorOf(await post(project, sarif, { query: "?fileName=scan.sarif", headers: { "content-type": "application/json" } }))).toMatchObject({ status: 415 });
    const prose = "# Meeting notes\n\nWe talked about the weather and agreed to meet again.\n";
    expect(await errorOf(await post(project, prose, { headers: { "content-type": "text/markdown" } }))).toMatchObject({
      status: 422, code: "unprocessable", message: expect.stringMatching(/^Nothing recognisable in this report\. The importer looks for: /),
    });
    expect(await errorOf(await post(project, form({ text: "  " })))).toMatchObject({ status: 400, code: "invalid", fields: { file: [expect.any(String)] } });
    // A body shorter than it said it was (cut by a proxy) is never imported as half a report.
    const cut = await post(project, plan.subarray(0, 100), { headers: { "content-type": "text/markdown", "content-length": String(plan.byteLength) } });
    expect(await errorOf(cut)).toMatchObject({ status: 400, message: expect.stringMatching(/cut short/) });
    expect(await getDb().reportImport.count({ where: { projectId: project.id } })).toBe(0);
  });
});
