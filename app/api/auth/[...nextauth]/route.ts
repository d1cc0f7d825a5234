// /api/auth/* — next-auth, with failed sign-ins throttled before credentials are checked.
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { retryAfterSeconds, throttleKeys } from "@/lib/auth/throttle";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

async function post(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "");
    const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    const wait = await retryAfterSeconds(throttleKeys(email, ip));
    if (wait > 0) {
      // next-auth's client signIn() reads the error from `url` with new URL(), so it must be absolute.
      const url = new URL("/login?error=throttled", request.nextUrl.origin).toString();
      return NextResponse.json(
        { error: { code: "too_many_requests", message: "Too many failed sign-ins. Try again later." }, url },
        { status: 429, headers: { "Retry-After": String(wait) } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
