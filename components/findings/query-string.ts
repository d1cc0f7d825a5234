import type { FindFindingsQuery } from "@/lib/findings/schema";

/** The URL of the findings list with some query values changed; defaults are left out. */
export function findingsHref(base: string, query: FindFindingsQuery, change: Partial<FindFindingsQuery>): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "") continue;
    if ((key === "page" && value === 1) || (key === "pageSize" && value === 25)) continue;
    if ((key === "sort" && value === "severity") || (key === "dir" && value === "asc")) continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${base}?${qs}` : base;
}
