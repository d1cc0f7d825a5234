import { randomBytes } from "node:crypto";
import { cliActor } from "@/lib/audit/record-audit";
import { createProject } from "@/lib/projects/create-project";
import { createUser } from "@/lib/users/create-user";
import type { Role } from "@/lib/generated/prisma/enums";

export const uniqueSlug = (prefix = "p") => `${prefix}-${randomBytes(4).toString("hex")}`;

export function makeProject(overrides: { slug?: string; name?: string } = {}) {
  const slug = overrides.slug ?? uniqueSlug();
  return createProject(cliActor, { slug, name: overrides.name ?? `Project ${slug}` });
}

export async function makeUser(role: Role) {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.test`;
  const { user, generatedPassword } = await createUser(cliActor, { email, role });
  return { ...user, password: generatedPassword! };
}
