import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";

// Failed sign-ins counted per key (an email, a client address) in PostgreSQL, so every replica
// sees the same counts. An email is blocked for the window after SIGNIN_MAX_FAILURES; an address
// gets a larger allowance (SIGNIN_MAX_FAILURES_PER_ADDRESS), since an office behind one NAT
// address shares it and one person's typos must not lock out everyone else.

export async function retryAfterSeconds(keys: string[], now = new Date()): Promise<number> {
  const rows = await getDb().signInAttempt.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  const { SIGNIN_MAX_FAILURES: perEmail, SIGNIN_MAX_FAILURES_PER_ADDRESS: perAddress, SIGNIN_WINDOW_SECONDS: windowSeconds } = env();
  const windowMs = windowSeconds * 1000;
  const db = getDb();
  for (const key of keys) {
    const max = key.startsWith("ip:") ? perAddress : perEmail;
    await db.$transaction(async (tx) => {
      const row = await tx.signInAttempt.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() > windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const blockedUntil = failures >= max ? new Date(now.getTime() + windowMs) : null;
      await tx.signInAttempt.upsert({
        where: { key },
        create: { key, failures, windowStart: now, blockedUntil },
        update: { failures, windowStart: fresh ? now : row.windowStart, blockedUntil },
      });
    });
  }
}

/** After a successful sign-in; only the email's count, so one good account cannot reset an address. */
export async function clearFailures(keys: string[]): Promise<void> {
  await getDb().signInAttempt.deleteMany({ where: { key: { in: keys.filter((k) => k.startsWith("email:")) } } });
}

export const throttleKeys = (email: string, ip: string | undefined) =>
  [`email:${email.trim().toLowerCase()}`, ...(ip ? [`ip:${ip}`] : [])];
