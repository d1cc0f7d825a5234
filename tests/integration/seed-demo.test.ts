import { spawnSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { makeEmptyDatabase } from "@/tests/support/second-database";

function seed(url: string) {
  const run = spawnSync(process.execPath, ["--import", "./bin/register.mjs", "tests/support/run-seed-demo.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { seeded: boolean };
}

describe("demo data", () => {
  it("imports the five seed reports into an empty database, once", async () => {
    const { url, client } = await makeEmptyDatabase(inject("databaseUrl"));
    try {
      expect(seed(url)).toEqual({ seeded: true });
      const projects = await client.project.findMany({ orderBy: { slug: "asc" }, select: { slug: true, _count: { select: { findings: true, strengths: true, sprints: true } } } });
      expect(Object.fromEntries(projects.map((p) => [p.slug, p._count]))).toEqual({
        "goapps-infra": { findings: 43, strengths: 15, sprints: 4 },
        merajutasa: { findings: 116, strengths: 0, sprints: 3 },
        "omni-policy": { findings: 0, strengths: 0, sprints: 1 },
        "release-plan": { findings: 0, strengths: 0, sprints: 0 },
        "technova-inventory": { findings: expect.any(Number), strengths: 10, sprints: expect.any(Number) },
      });
      expect(await client.reportImport.count()).toBe(5);
      expect(await client.gateCriterion.count({ where: { project: { slug: "release-plan" } } })).toBe(4);
      expect(seed(url)).toEqual({ seeded: false });
      expect(await client.project.count()).toBe(5);
    } finally {
      await client.$disconnect();
    }
  });
});
