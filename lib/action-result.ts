import "server-only";
import { AppError, type FieldErrors } from "@/lib/errors";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { logger } from "@/lib/logger";

// What a server action returns to useActionState: field errors or a message, plus the values
// the user submitted (React 19 resets uncontrolled inputs after an action).
export type ActionState<V = Record<string, string>> = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: FieldErrors;
  values?: V;
};

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

/** Turns a thrown error into an ActionState; unexpected errors are logged, never shown. */
export async function actionError(error: unknown, values?: Record<string, string>): Promise<ActionState> {
  if (error instanceof AppError) return { error: error.message, fieldErrors: error.fieldErrors, values };
  // redirect() and notFound() signal by throwing; let Next handle them.
  if (error instanceof Error && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_")) throw error;
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  logger.error({ err: error, requestId }, "server action failed");
  const t = await getTranslations("errors");
  return { error: t("generic", { requestId: requestId ?? "-" }), values };
}
