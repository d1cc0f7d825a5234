import "server-only";
import { getDb } from "@/lib/db";

export function findUsers() {
  return getDb().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}
