import { describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as health } from "@/app/api/health/route";
import { checkReady } from "@/lib/ops/check-ready";
import { userActor } from "@/lib/audit/record-audit";
import { createFinding } from "@/lib/findings/create-finding";
import { makeProject, makeUser } from "@/tests/support/fixtures";

describe("ops endpoints", () => {
  it("health and ready answer 200 while the database answers", async () => {
    expect(health().status).toBe(200);
    const res = await ready();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready" });
  });

  it("ready is false when the database probe fails or hangs", async () => {
    expect(await checkReady(() => Promise.reject(new Error("connection refused")))).toBe(false);
    expect(await checkReady(() => new Promise(() => {}), 50)).toBe(false);
  });

  it("metrics count findings by severity and status", async () => {
    const [project, lead] = await Promise.all([makeProject(), makeUser("lead")]);
    await createFinding(userActor(lead), project.id, { title: "Counted", severity: "high" });
    const res = await metricsRoute();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    expect(await res.text()).toMatch(/readyboard_findings\{severity="high",status="open"\} [1-9]/);
  });
});
