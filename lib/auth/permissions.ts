import type { Role } from "@/lib/generated/prisma/enums";

// Who may do what: one table, read by can() on the server and by the UI to hide controls.
export const permissions = {
  "projects.read": ["admin", "lead", "engineer", "viewer"],
  "projects.write": ["admin", "lead"],
  "findings.status": ["admin", "lead", "engineer"],
  "findings.write": ["admin", "lead"],
  "roadmap.status": ["admin", "lead", "engineer"],
  "roadmap.write": ["admin", "lead"],
  "sprints.write": ["admin", "lead"],
  "imports.write": ["admin", "lead"],
  "tokens.write": ["admin", "lead"],
  "users.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && (permissions[permission] as readonly Role[]).includes(user.role);
}
