import "server-only";
import { getDb } from "@/lib/db";
import { cliActor } from "@/lib/audit/record-audit";
import { createUser } from "@/lib/users/create-user";

/**
 * On first start (no users at all) creates the admin: READYBOARD_ADMIN_EMAIL/_PASSWORD when set,
 * else admin@readyboard.local with a random password that the caller prints once.
 */
export async function ensureAdmin(options: { email?: string; password?: string }) {
  if ((await getDb().user.count()) > 0) return null;
  const email = options.email ?? "admin@readyboard.local";
  const { user, generatedPassword } = await createUser(cliActor, { email, role: "admin", password: options.password });
  return { email: user.email, password: generatedPassword };
}
