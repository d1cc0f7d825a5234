import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { AppError, errorCodes } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { metrics, routeLabel } from "@/lib/metrics/registry";
import { requestIdFor } from "@/lib/ops/request-id";

// The one door for JSON route handlers: request id, one error shape {error:{code,message}},
// expected errors mapped to their status, anything else logged and answered with a plain 500.

export type ApiContext<P> = { params: Promise<P>; requestId: string };
type Handler<P> = (request: NextRequest, context: ApiContext<P>) => Promise<Response>;

export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fields: error.fieldErrors } : {}) } };
    return NextResponse.json(body, { status: errorCodes[error.code].status, headers: { "x-request-id": requestId } });
  }
  logger.error({ err: error, requestId }, "request failed");
  return NextResponse.json(
    { error: { code: "internal", message: `Something went wrong (request ${requestId}).` } },
    { status: 500, headers: { "x-request-id": requestId } },
  );
}

export function withApi<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: NextRequest, context: { params: Promise<P> }) => {
    // API routes skip proxy.ts (see its matcher), so the caller's id is checked here.
    const requestId = requestIdFor(request.headers.get("x-request-id"));
    const stop = metrics().httpDuration.startTimer({ method: request.method, route: routeLabel(request.nextUrl.pathname) });
    let response: Response;
    try {
      response = await handler(request, { params: context.params, requestId });
      response.headers.set("x-request-id", requestId);
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    stop({ status: String(response.status) });
    return response;
  };
}

/** Reads a JSON body, answering malformed JSON with a 400 instead of a stack trace. */
export async function readJson(request: NextRequest): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("invalid", "The request body is not valid JSON.");
  }
}
