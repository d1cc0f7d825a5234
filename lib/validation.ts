import type { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";

/** Parses input with a schema or throws an `invalid` AppError carrying field-level messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError("invalid", "Some fields need attention.", fieldErrors);
}
