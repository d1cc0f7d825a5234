import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { hashToken } from "@/lib/tokens/token-secret";
import { makeProject, makeUser } from "@/tests/support/fixtures";
import { signInAs } from "@/tests/support/session";
import * as reports from "@/app/api/v1/projects/[slug]/reports/route";
import * as findings from "@/app/api/v1/projects/[slug]/findings/route";
import * as tokens from "@/app/api/v1/projects/[slug]/tokens/route";

vi.mock("next-auth", async (importOriginal) => {
  const { sessionFor } = await import("@/tests/support/session");
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: sessionFor };
});

const plan = readFileSync("lib/seed/reports/004_479f8bec1b2050ea.txt");
type Project = Awaited<ReturnType<typeof makeProject>>;
const ctx = (p: Project) => ({ params: Promise.resolve({ slug: p.slug }) });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const upload = (p: Project, headers: Record<string, string>) =>
  reports.POST(new NextRequest(`http://localhost/api/v1/projects/${p.slug}/reports?fileName=plan.md`, { method: "POST", body: plan, headers: { ...headers, "content-type": "text/markdown" } }), ctx(p));

let project: Project;
let other: Project;
beforeAll(async () => {
  [project, other] = await Promise.all([makeProject(), makeProject()]);
  signInAs(null);
});

describe("project API tokens", () => {
  it("import a report into their own project, with the token as the recorded actor", async () => {
    const { token, id } = await createApiToken(cliActor, project.id, { name: "CI pipeline" });
    const res = await upload(project, bearer(token));
    expect(res.status).toBe(201);
    const row = await getDb().reportImport.findFirstOrThrow({ where: { projectId: project.id } });
    expect(row.actorLabel).toBe(`token:${id}`);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it("are stored only as a hash", async () => {
    const { token, id } = await createApiToken(cliActor, project.id, { name: "hash check" });
    const stored = await getDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("answer 404 for another project, 403 beyond reading and importing, 401 once revoked or unknown", async () => {
    const { token, id } = await createApiToken(cliActor, project.id, { name: "scoped" });
    expect((await upload(other, bearer(token))).status).toBe(404);
    const create = await findings.POST(
      new NextRequest(`http://localhost/api/v1/projects/${project.slug}/findings`, { method: "POST", body: JSON.stringify({ title: "x", severity: "low" }), headers: bearer(token) }),
      ctx(project),
    );
    expect(create.status).toBe(403);
    const mint = await tokens.POST(
      new NextRequest(`http://localhost/api/v1/projects/${project.slug}/tokens`, { method: "POST", body: JSON.stringify({ name: "more" }), headers: bearer(token) }),
      ctx(project),
    );
    expect(mint.status).toBe(403);
    await revokeApiToken(cliActor, project.id, id);
    expect((await upload(project, bearer(token))).status).toBe(401);
    expect((await upload(project, bearer("rb_not-a-token"))).status).toBe(401);
  });

  it("are created by a lead and shown once; an engineer may not create them", async () => {
    const [lead, engineer] = await Promise.all([makeUser("lead"), makeUser("engineer")]);
    const post = () =>
      tokens.POST(new NextRequest(`http://localhost/api/v1/projects/${project.slug}/tokens`, { method: "POST", body: JSON.stringify({ name: "from the UI" }) }), ctx(project));
    signInAs(engineer);
    expect((await post()).status).toBe(403);
    signInAs(lead);
    const created = await post();
    expect(created.status).toBe(201);
    const { token } = await created.json();
    expect(token).toMatch(/^rb_/);
    const listed = await tokens.GET(new NextRequest(`http://localhost/api/v1/projects/${project.slug}/tokens`), ctx(project));
    expect(JSON.stringify(await listed.json())).not.toContain(token);
    signInAs(null);
    expect((await upload(project, bearer(token))).status).toBe(201);
  });
});
