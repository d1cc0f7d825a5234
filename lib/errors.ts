// Expected failures. Each code maps once to an HTTP status and a CLI exit code; anything that
// is not an AppError is logged and shown to people as "Something went wrong".
export const errorCodes = {
  invalid: { status: 400, exit: 1 },
  unauthorized: { status: 401, exit: 1 },
  forbidden: { status: 403, exit: 1 },
  not_found: { status: 404, exit: 1 },
  conflict: { status: 409, exit: 1 },
  too_large: { status: 413, exit: 1 },
  unsupported_format: { status: 415, exit: 2 },
  unprocessable: { status: 422, exit: 1 },
  too_many_requests: { status: 429, exit: 1 },
  unavailable: { status: 503, exit: 1 },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Turns a Prisma unique-constraint violation into a conflict; other errors pass through. */
export function asAppError(error: unknown, conflictMessage: string): unknown {
  if (typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002") {
    return new AppError("conflict", conflictMessage);
  }
  return error;
}
