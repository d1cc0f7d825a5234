import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FindFindingsQuery } from "@/lib/findings/schema";
import { FindingKind, FindingStatus, Severity } from "@/lib/generated/prisma/enums";

type Props = {
  action: string;
  query: FindFindingsQuery;
  categories: { key: string; name: string }[];
  sources: string[];
  // The empty "no match" state carries its own clear link; one per page keeps it unambiguous.
  showClear: boolean;
};

// A plain GET form: the URL holds the filters, so a filtered view can be bookmarked and shared,
// and the form works before (or without) JavaScript.
export async function FindingsFilters({ action, query, categories, sources, showClear }: Props) {
  const t = await getTranslations();
  const select = (name: keyof FindFindingsQuery, label: string, options: { value: string; label: string }[]) => (
    <label className="block text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={String(query[name] ?? "")} className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
        <option value="">{t("findings.any")}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
  return (
    <form action={action} method="get" role="search" aria-label={t("findings.filters")}
      className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7">
      <label className="col-span-2 block text-xs font-medium text-slate-600 sm:col-span-3 lg:col-span-2">
        {t("findings.search")}
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("findings.searchPlaceholder")}
          className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
      </label>
      {select("severity", t("findings.columns.severity"), Object.values(Severity).map((s) => ({ value: s, label: t(`severity.${s}`) })))}
      {select("status", t("findings.columns.status"), Object.values(FindingStatus).map((s) => ({ value: s, label: t(`status.${s}`) })))}
      {select("category", t("findings.columns.category"), categories.map((c) => ({ value: c.key, label: c.name })))}
      {select("kind", t("findings.columns.kind"), Object.values(FindingKind).map((k) => ({ value: k, label: t(`kind.${k}`) })))}
      {select("source", t("findings.columns.source"), sources.map((s) => ({ value: s, label: s })))}
      {query.sort !== "severity" && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
      <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-3 lg:col-span-7">
        <button type="submit" data-testid="apply-filters" className="rounded-md bg-slate-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
          {t("findings.apply")}
        </button>
        {showClear && (
          <Link href={action} data-testid="clear-filters" className="text-sm text-brand-700 underline">{t("findings.clearFilters")}</Link>
        )}
      </div>
    </form>
  );
}
