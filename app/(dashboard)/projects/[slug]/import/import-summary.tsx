"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ImportSummary } from "@/lib/reports/import-report";

const types = ["findings", "strengths", "sprints", "items", "categories", "gateCriteria", "metrics"] as const;

/** Step 3: what the import changed, and what earlier imports made that this report no longer has. */
export function ImportSummaryView({ slug, fileName, summary, onAnother }: { slug: string; fileName: string; summary: ImportSummary; onAnother: () => void }) {
  const t = useTranslations("reports");
  const missingHref = (m: ImportSummary["missing"][number]) => (m.type === "finding" ? `/projects/${slug}/findings/${m.id}` : null);
  return (
    <div className="space-y-6" data-testid="import-summary">
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 className="break-words text-lg font-semibold">{t("summaryTitle", { name: fileName })}</h2>
        <div className="mt-4 overflow-x-auto">
          <table className="w-full min-w-[420px] text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("summary.type")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("summary.added")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("summary.updated")}</th>
                <th scope="col" className="px-3 py-2 text-right">{t("summary.unchanged")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {types.map((type) => (
                <tr key={type}>
                  <th scope="row" className="py-2 pr-3 font-medium">{t(`types.${type}`)}</th>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid={`summary-added-${type}`}>{summary.added[type]}</td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid={`summary-updated-${type}`}>{summary.updated[type]}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{summary.unchanged[type]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h3 className="font-semibold">{t("summary.missing")} ({summary.missing.length})</h3>
        {summary.missing.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("summary.noneMissing")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">{t("summary.missingHint")}</p>
            <ul className="mt-2 space-y-1 text-sm" data-testid="summary-missing">
              {summary.missing.map((m) => {
                const href = missingHref(m);
                const label = `${m.ref ? `${m.ref} ` : ""}${m.title}`;
                return (
                  <li key={`${m.type}:${m.id}`} className="break-words">
                    <span className="text-slate-500">{t(`summary.missingType.${m.type}`)}: </span>
                    {href ? <Link className="text-brand-700 underline" href={href}>{label}</Link> : label}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      <div className="flex flex-wrap gap-3">
        <Link href={`/projects/${slug}`} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">{t("viewFindings")}</Link>
        <button type="button" onClick={onAnother} className="rounded-md border border-slate-300 bg-white px-4 py-2 hover:bg-slate-50">{t("importAnother")}</button>
      </div>
    </div>
  );
}
