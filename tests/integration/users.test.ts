import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { cliActor } from "@/lib/audit/record-audit";
import { verifyPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { ensureAdmin } from "@/lib/users/ensure-admin";
import { makeUser } from "@/tests/support/fixtures";

describe("users", () => {
  it("creates the first admin with a random password only when there are no users", async () => {
    await getDb().auditLog.deleteMany({});
    await getDb().user.deleteMany({});
    const first = await ensureAdmin({});
    expect(first?.email).toBe("admin@readyboard.local");
    expect(first?.password).toHaveLength(20);
    const stored = await getDb().user.findUniqueOrThrow({ where: { email: "admin@readyboard.local" } });
    expect(stored.role).toBe("admin");
    expect(stored.passwordHash).not.toContain(first!.password!);
    expect(await verifyPassword(stored.passwordHash, first!.password!)).toBe(true);
    expect(await ensureAdmin({})).toBeNull();
  });

  it("stores a given password only as an argon2id hash and never returns it", async () => {
    const result = await createUser(cliActor, { email: "Lead@Example.test", role: "lead", password: "a-long-enough-password" });
    expect(result.generatedPassword).toBeUndefined();
    expect(result.user.email).toBe("lead@example.test");
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: result.user.id } });
    expect(stored.passwordHash.startsWith("$argon2id$")).toBe(true);
  });

  it("refuses a duplicate email, a short password and an unknown role with field messages", async () => {
    const user = await makeUser("viewer");
    await expect(createUser(cliActor, { email: user.email, role: "viewer" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createUser(cliActor, { email: "x@example.test", role: "boss", password: "short" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { role: [expect.any(String)], password: [expect.any(String)] },
    });
  });

  it("keeps at least one active admin", async () => {
    await getDb().user.updateMany({ where: { role: "admin" }, data: { role: "viewer" } });
    const admin = await makeUser("admin");
    await expect(updateUser(cliActor, { userId: admin.id, role: "viewer", disabled: false })).rejects.toMatchObject({ code: "conflict" });
    await expect(updateUser(cliActor, { userId: admin.id, role: "admin", disabled: true })).rejects.toMatchObject({ code: "conflict" });
    const second = await makeUser("admin");
    await updateUser(cliActor, { userId: second.id, role: "lead", disabled: false });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: second.id } })).role).toBe("lead");
  });
});
