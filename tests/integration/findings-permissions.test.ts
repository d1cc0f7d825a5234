import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { cliActor } from "@/lib/audit/record-audit";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";
import { createFinding } from "@/lib/findings/create-finding";
import { makeProject, makeUser } from "@/tests/support/fixtures";
import { signInAs } from "@/tests/support/session";
import {
  createFindingAction,
  deleteFindingAction,
  setFindingStatusAction,
  updateFindingAction,
} from "@/app/(dashboard)/projects/[slug]/findings/actions";
import * as listRoute from "@/app/api/v1/projects/[slug]/findings/route";
import * as findingRoute from "@/app/api/v1/projects/[slug]/findings/[id]/route";

// The real actions and route handlers, the real role lookup in lib/auth/session.ts; only the
// session cookie is replaced by "who is signed in".
vi.mock("next-auth", async (importOriginal) => {
  const { sessionFor } = await import("@/tests/support/session");
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: sessionFor };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const roles: Role[] = ["admin", "lead", "engineer", "viewer"];
let project: Awaited<ReturnType<typeof makeProject>>;

beforeAll(async () => {
  project = await makeProject();
});

const newFinding = (title = "Target") => createFinding(cliActor, project.id, { title, severity: "medium" });
const exists = async (id: string) => (await getDb().finding.count({ where: { id } })) === 1;

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

/** "done" when the action redirected or reported success, else the message it showed. */
async function outcome(run: () => Promise<{ ok?: boolean; error?: string }>): Promise<string> {
  try {
    const state = await run();
    return state.ok ? "done" : (state.error ?? "nothing");
  } catch (error) {
    if (String((error as { digest?: unknown }).digest).startsWith("NEXT_REDIRECT")) return "done";
    throw error;
  }
}

type Case = { name: string; permission: Permission; act: () => Promise<{ changed: boolean; result: string | number }> };

const actionCases: Case[] = [
  {
    name: "createFindingAction",
    permission: "findings.write",
    act: async () => {
      const title = `Made by action ${Math.random()}`;
      const result = await outcome(() => createFindingAction({}, formOf({ projectSlug: project.slug, title, severity: "low" })));
      return { result, changed: (await getDb().finding.count({ where: { projectId: project.id, title } })) === 1 };
    },
  },
  {
    name: "updateFindingAction",
    permission: "findings.write",
    act: async () => {
      const f = await newFinding();
      const result = await outcome(() => updateFindingAction({}, formOf({ projectSlug: project.slug, findingId: f.id, title: "Edited", severity: "low" })));
      return { result, changed: (await getDb().finding.findUniqueOrThrow({ where: { id: f.id } })).title === "Edited" };
    },
  },
  {
    name: "setFindingStatusAction",
    permission: "findings.status",
    act: async () => {
      const f = await newFinding();
      const result = await outcome(() => setFindingStatusAction({}, formOf({ projectSlug: project.slug, findingId: f.id, status: "in_progress" })));
      return { result, changed: (await getDb().finding.findUniqueOrThrow({ where: { id: f.id } })).status === "in_progress" };
    },
  },
  {
    name: "deleteFindingAction",
    permission: "findings.write",
    act: async () => {
      const f = await newFinding();
      const result = await outcome(() => deleteFindingAction({}, formOf({ projectSlug: project.slug, findingId: f.id })));
      return { result, changed: !(await exists(f.id)) };
    },
  },
];

const url = (path = "") => `http://localhost/api/v1/projects/${project.slug}/findings${path}`;
const params = (id?: string) => ({ params: Promise.resolve({ slug: project.slug, ...(id ? { id } : {}) }) }) as { params: Promise<{ slug: string; id: string }> };
const json = (method: string, body: unknown) => ({ method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });

const routeCases: Case[] = [
  {
    name: "GET /findings",
    permission: "projects.read",
    act: async () => ({ result: (await listRoute.GET(new NextRequest(url()), params())).status, changed: false }),
  },
  {
    name: "POST /findings",
    permission: "findings.write",
    act: async () => {
      const title = `Made by API ${Math.random()}`;
      const response = await listRoute.POST(new NextRequest(url(), json("POST", { title, severity: "high" })), params());
      return { result: response.status, changed: (await getDb().finding.count({ where: { projectId: project.id, title } })) === 1 };
    },
  },
  {
    name: "GET /findings/:id",
    permission: "projects.read",
    act: async () => {
      const f = await newFinding();
      return { result: (await findingRoute.GET(new NextRequest(url(`/${f.id}`)), params(f.id))).status, changed: false };
    },
  },
  {
    name: "PATCH /findings/:id with a status",
    permission: "findings.status",
    act: async () => {
      const f = await newFinding();
      const response = await findingRoute.PATCH(new NextRequest(url(`/${f.id}`), json("PATCH", { status: "resolved" })), params(f.id));
      return { result: response.status, changed: (await getDb().finding.findUniqueOrThrow({ where: { id: f.id } })).status === "resolved" };
    },
  },
  {
    name: "PATCH /findings/:id with other fields",
    permission: "findings.write",
    act: async () => {
      const f = await newFinding();
      const response = await findingRoute.PATCH(new NextRequest(url(`/${f.id}`), json("PATCH", { severity: "critical" })), params(f.id));
      return { result: response.status, changed: (await getDb().finding.findUniqueOrThrow({ where: { id: f.id } })).severity === "critical" };
    },
  },
  {
    name: "DELETE /findings/:id",
    permission: "findings.write",
    act: async () => {
      const f = await newFinding();
      const response = await findingRoute.DELETE(new NextRequest(url(`/${f.id}`), { method: "DELETE" }), params(f.id));
      return { result: response.status, changed: !(await exists(f.id)) };
    },
  },
];

describe.each(roles)("a signed-in %s", (role) => {
  beforeAll(async () => signInAs(await makeUser(role)));

  for (const c of actionCases) {
    const allowed = can({ role }, c.permission);
    it(`${allowed ? "may" : "may not"} use ${c.name} (${c.permission})`, async () => {
      const { result, changed } = await c.act();
      expect(result).toBe(allowed ? "done" : "Your role does not allow this.");
      expect(changed).toBe(allowed);
    });
  }

  for (const c of routeCases) {
    const allowed = can({ role }, c.permission);
    it(`${allowed ? "may" : "may not"} call ${c.name} (${c.permission})`, async () => {
      const { result, changed } = await c.act();
      if (!allowed) expect(result).toBe(403);
      else expect([200, 201, 204]).toContain(result);
      if (c.permission !== "projects.read") expect(changed).toBe(allowed);
    });
  }
});

describe("without a session", () => {
  it("refuses every action and route, and a disabled account counts as signed out", async () => {
    const disabled = await makeUser("admin");
    await getDb().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    for (const user of [null, disabled]) {
      signInAs(user);
      for (const c of actionCases) expect((await c.act()).result).toBe("Sign in to continue.");
      for (const c of routeCases) expect((await c.act()).result).toBe(401);
    }
  });
});
