import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cliActor } from "@/lib/audit/record-audit";
import { createProject } from "@/lib/projects/create-project";
import { makeProject, uniqueSlug } from "@/tests/support/fixtures";

describe("createProject", () => {
  it("gives a new project the 15 default categories with seed 000's weights", async () => {
    const project = await makeProject();
    const categories = await getDb().category.findMany({ where: { projectId: project.id } });
    expect(categories).toHaveLength(15);
    const byKey = Object.fromEntries(categories.map((c) => [c.key, c]));
    expect(byKey.security).toMatchObject({ weight: 1, criticality: "critical" });
    expect(byKey.developer_experience).toMatchObject({ weight: 0.5, criticality: "medium" });
    expect(byKey.implementation?.weight).toBe(0.9);
  });

  it("refuses a taken slug with a conflict, and writes nothing", async () => {
    const slug = uniqueSlug();
    await makeProject({ slug });
    const before = await getDb().project.count();
    await expect(createProject(cliActor, { slug, name: "Again" })).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().project.count()).toBe(before);
  });

  it("answers a bad slug with a field-level message", async () => {
    const error = await createProject(cliActor, { slug: "Not A Slug!", name: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toMatchObject({ slug: [expect.any(String)], name: [expect.any(String)] });
  });
});
