import { describe, expect, it } from "vitest";
import { can, permissions, type Permission } from "@/lib/auth/permissions";

const roles = ["admin", "lead", "engineer", "viewer"] as const;

// What the issue promises each role may do; the table must match it exactly.
const expected: Record<(typeof roles)[number], Permission[]> = {
  viewer: ["projects.read"],
  engineer: ["projects.read", "findings.status", "roadmap.status"],
  lead: ["projects.read", "projects.write", "findings.status", "findings.write", "roadmap.status", "roadmap.write", "sprints.write", "imports.write", "tokens.write"],
  admin: Object.keys(permissions) as Permission[],
};

describe("permissions", () => {
  for (const role of roles) {
    it(`${role} may do exactly what the role promises`, () => {
      const allowed = (Object.keys(permissions) as Permission[]).filter((p) => can({ role }, p));
      expect(allowed.sort()).toEqual([...expected[role]].sort());
    });
  }

  it("nobody may do anything without a user", () => {
    for (const p of Object.keys(permissions) as Permission[]) expect(can(null, p)).toBe(false);
  });
});
