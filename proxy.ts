import { NextResponse, type NextRequest } from "next/server";
import { requestIdFor } from "@/lib/ops/request-id";

// Gives every request an id (kept from the caller when it is a sane token), passed to the app
// in the request headers and returned on the response, so logs and reports can be matched.

export function proxy(request: NextRequest) {
  const requestId = requestIdFor(request.headers.get("x-request-id"));
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

// API routes skip the proxy: withApi gives them their request id, and the proxy would cost
// every API call a pass through it, and buffer scan uploads (up to SCAN_MAX_BYTES) in memory,
// cut at 10 MB, to pass them on.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"] };
