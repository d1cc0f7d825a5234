import { defaultPageSize, type FindFindingsQuery } from "@/lib/findings/schema";

/** The project page's URL with some list settings changed; defaults stay out of the URL. */
export function findingsHref(base: string, query: FindFindingsQuery, change: Partial<FindFindingsQuery>): string {
  const defaults: Partial<Record<string, unknown>> = { sort: "severity", dir: "asc", page: 1, pageSize: defaultPageSize };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...change })) {
    if (value !== undefined && value !== "" && value !== defaults[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
