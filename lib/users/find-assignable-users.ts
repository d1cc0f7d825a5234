import "server-only";
import { getDb } from "@/lib/db";

/** Active users who can be given a finding or an item, for assignee pickers. */
export function findAssignableUsers() {
  return getDb().user.findMany({ where: { disabledAt: null }, orderBy: { email: "asc" }, select: { id: true, email: true } });
}
