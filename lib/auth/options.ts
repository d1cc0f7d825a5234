import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/auth/password";
import { clearFailures, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { signInSchema } from "@/lib/auth/schema";

function clientIp(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
}

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const keys = throttleKeys(email, clientIp(req?.headers));
        const user = await getDb().user.findUnique({ where: { email } });
        // Verify even for unknown emails, so timing does not tell which emails exist.
        const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
        if (!user || !ok || user.disabledAt) {
          await recordFailure(keys);
          return null;
        }
        await clearFailures(keys);
        return { id: user.id, email: user.email, name: user.name ?? user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};

// A hash of a random password nobody knows; verifying against it only spends the same time.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(generatePassword()));
