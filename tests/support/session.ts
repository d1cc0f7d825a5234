// Stands in for the session cookie in tests that call server actions and route handlers.
// Test files mock next-auth's getServerSession with sessionFor; the real lib/auth/session.ts
// then loads the user and their role from the database, as in production.
let signedInUserId: string | null = null;

export function signInAs(user: { id: string } | null): void {
  signedInUserId = user?.id ?? null;
}

export async function sessionFor() {
  return signedInUserId ? { user: { id: signedInUserId }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null;
}
