// Reading untrusted JSON without ever throwing a TypeError: any field of a tool's report may be
// missing, null or of another type than its format says, and every parser reads them this way.

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** An object's field when the object is one, for chains over optional data. */
export const field = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);

/** A trimmed non-empty string, or a finite number as text (tools write "12" and 12 alike); else null. */
export function textOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const objects = (value: unknown): JsonObject[] => list(value).filter(isObject);
export const texts = (value: unknown): string[] => list(value).flatMap((v) => textOf(v) ?? []);

/** A finite number, also from a numeric string ("7.5"); else null. */
export function numberOf(value: unknown): number | null {
  const n = typeof value === "string" ? Number.parseFloat(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}
