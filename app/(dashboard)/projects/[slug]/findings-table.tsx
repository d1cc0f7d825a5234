import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { FindFindingsQuery } from "@/lib/findings/schema";
import type { findFindings } from "@/lib/findings/find-findings";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { StatusBadge } from "@/components/findings/status-badge";
import { findingsHref } from "./findings-href";
import { ChooseAllFindings, PLAN_FORM_ID } from "./plan-findings-bar";

type Props = {
  base: string;
  query: FindFindingsQuery;
  items: Awaited<ReturnType<typeof findFindings>>["items"];
  /** Checkboxes for planning findings into a sprint, for those who may plan. */
  choosable?: boolean;
};

type SortColumn = "ref" | "title" | "severity" | "status" | "lastSeenAt";

// Scrolls sideways inside its frame on a phone rather than squeezing the columns.
export async function FindingsTable({ base, query, items, choosable = false }: Props) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const header = (column: SortColumn) => {
    const active = query.sort === column;
    // A first click sorts dates newest first; a second click on the same column flips it.
    const dir = active ? (query.dir === "asc" ? "desc" : "asc") : column === "lastSeenAt" ? "desc" : "asc";
    return (
      <th scope="col" className="px-3 py-2.5" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={findingsHref(base, query, { sort: column, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900"
          title={t("findings.sortBy", { column: t(`findings.columns.${column}`) })}>
          {t(`findings.columns.${column}`)}
          {active && <span aria-hidden>{query.dir === "asc" ? "▲" : "▼"}</span>}
        </Link>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full min-w-[760px] text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {choosable && <th scope="col" className="w-8 px-3 py-2.5"><ChooseAllFindings label={t("board.chooseAll")} /></th>}
            {header("ref")}
            {header("title")}
            {header("severity")}
            {header("status")}
            <th scope="col" className="px-3 py-2.5">{t("findings.columns.category")}</th>
            <th scope="col" className="px-3 py-2.5">{t("findings.columns.source")}</th>
            {header("lastSeenAt")}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((f) => (
            <tr key={f.id} data-testid="finding-row" className="hover:bg-slate-50">
              {choosable && (
                <td className="px-3 py-2.5">
                  <input type="checkbox" name="findingIds" value={f.id} form={PLAN_FORM_ID} aria-label={t("board.choose", { title: f.title })} data-testid="plan-choose" />
                </td>
              )}
              <td className="whitespace-nowrap px-3 py-2.5 font-mono text-xs text-slate-600">{f.ref ?? "—"}</td>
              <td className="px-3 py-2.5">
                <Link href={`${base}/findings/${f.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">{f.title}</Link>
                <div className="text-xs text-slate-500">{t(`kind.${f.kind}`)}</div>
              </td>
              <td className="whitespace-nowrap px-3 py-2.5">
                <SeverityBadge severity={f.severity} label={t(`severity.${f.severity}`)} />
                {f.severityInferred && <span className="ml-1 text-xs text-slate-500">({t("findings.inferred")})</span>}
              </td>
              <td className="whitespace-nowrap px-3 py-2.5"><StatusBadge status={f.status} label={t(`status.${f.status}`)} /></td>
              <td className="px-3 py-2.5 text-slate-700">{f.category?.name ?? "—"}</td>
              <td className="px-3 py-2.5 text-slate-700">{f.source}</td>
              <td className="whitespace-nowrap px-3 py-2.5 text-slate-600">{format.dateTime(f.lastSeenAt, { dateStyle: "medium" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
