import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { createFinding } from "@/lib/findings/create-finding";
import { makeProject, makeUser } from "@/tests/support/fixtures";
import { signInAs } from "@/tests/support/session";
import * as listRoute from "@/app/api/v1/projects/[slug]/findings/route";
import * as findingRoute from "@/app/api/v1/projects/[slug]/findings/[id]/route";

vi.mock("next-auth", async (importOriginal) => {
  const { sessionFor } = await import("@/tests/support/session");
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: sessionFor };
});

type Project = Awaited<ReturnType<typeof makeProject>>;
let project: Project;
let other: Project;

beforeAll(async () => {
  [project, other] = await Promise.all([makeProject(), makeProject()]);
  signInAs(await makeUser("lead"));
});

const url = (p: Project, path = "") => `http://localhost/api/v1/projects/${p.slug}/findings${path}`;
const ctx = (p: Project, id?: string) => ({ params: Promise.resolve({ slug: p.slug, ...(id ? { id } : {}) }) }) as { params: Promise<{ slug: string; id: string }> };
const send = (method: string, body: unknown) => ({ method, body: typeof body === "string" ? body : JSON.stringify(body) });
const patch = (id: string, body: unknown) => findingRoute.PATCH(new NextRequest(url(project, `/${id}`), send("PATCH", body)), ctx(project, id));
const getOne = (p: Project, id: string) => findingRoute.GET(new NextRequest(url(p, `/${id}`)), ctx(p, id));

describe("findings API", () => {
  it("lists one filtered page with the total, and answers a bad query with 400 and a message per parameter", async () => {
    await createFinding(cliActor, project.id, { title: "API critical", severity: "critical" });
    await createFinding(cliActor, project.id, { title: "API low", severity: "low" });
    const response = await listRoute.GET(new NextRequest(url(project, "?severity=critical&pageSize=10")), ctx(project));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ total: 1, page: 1, pageSize: 10, items: [{ title: "API critical", severity: "critical" }] });

    const bad = await listRoute.GET(new NextRequest(url(project, "?pageSize=500&status=closed")), ctx(project));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "invalid", message: expect.any(String), fields: { pageSize: [expect.any(String)], status: [expect.any(String)] } },
    });
  });

  it("creates a finding (201) and refuses bad input or bad JSON with 400", async () => {
    const created = await listRoute.POST(new NextRequest(url(project), send("POST", { title: "From CI", severity: "high", file: "a.ts", line: 3 })), ctx(project));
    expect(created.status).toBe(201);
    const finding = await created.json();
    expect(finding).toMatchObject({ title: "From CI", source: "manual", status: "open" });
    expect(await (await getOne(project, finding.id)).json()).toMatchObject({ locations: [{ file: "a.ts", line: 3 }] });

    const invalid = await listRoute.POST(new NextRequest(url(project), send("POST", { severity: "urgent" })), ctx(project));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fields).toMatchObject({ title: [expect.any(String)], severity: [expect.any(String)] });
    expect((await listRoute.POST(new NextRequest(url(project), send("POST", "{not json")), ctx(project))).status).toBe(400);
  });

  it("PATCHes other fields and the status together, and changes nothing when the status part is invalid", async () => {
    const f = await createFinding(cliActor, project.id, { title: "Patch me", severity: "low" });
    const refused = await patch(f.id, { title: "Should not stick", status: "risk_accepted" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields).toMatchObject({ riskAcceptedUntil: [expect.any(String)], statusReason: [expect.any(String)] });
    expect(await (await getOne(project, f.id)).json()).toMatchObject({ title: "Patch me", status: "open" });

    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const both = await patch(f.id, { title: "Patched", status: "risk_accepted", riskAcceptedUntil: until, statusReason: "fix next sprint" });
    expect(both.status).toBe(200);
    const body = await both.json();
    expect(body).toMatchObject({ title: "Patched", severity: "low", status: "risk_accepted", statusReason: "fix next sprint", riskAcceptedUntil: until });
    expect(body.events.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["title", "status", "created"]));
  });

  it("answers 404 for a finding of another project, an unknown slug, and after DELETE", async () => {
    const f = await createFinding(cliActor, project.id, { title: "Only here", severity: "low" });
    expect((await getOne(other, f.id)).status).toBe(404);
    const foreignPatch = await findingRoute.PATCH(new NextRequest(url(other, `/${f.id}`), send("PATCH", { status: "resolved" })), ctx(other, f.id));
    expect(foreignPatch.status).toBe(404);
    const unknown = { slug: "no-such-project" } as Project;
    expect((await listRoute.GET(new NextRequest(url(unknown)), ctx(unknown))).status).toBe(404);

    const deleted = await findingRoute.DELETE(new NextRequest(url(project, `/${f.id}`), { method: "DELETE" }), ctx(project, f.id));
    expect(deleted.status).toBe(204);
    expect((await getOne(project, f.id)).status).toBe(404);
  });
});
