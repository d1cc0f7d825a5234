import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import type { findScans } from "@/lib/ingest/find-scans";

type Scan = Awaited<ReturnType<typeof findScans>>[number];

/** Every upload, newest first, with what it changed; a row opens the scan's changes. */
export async function ScanHistory({ slug, scans, canUpload }: { slug: string; scans: Scan[]; canUpload: boolean }) {
  const [t, format] = await Promise.all([getTranslations("scans"), getFormatter()]);
  if (!scans.length) return <EmptyState title={t("emptyTitle")} body={canUpload ? t("emptyBodyLead") : t("emptyBodyViewer")} />;
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white">
      <h2 id="history-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">{t("history")}</h2>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[720px] text-left text-sm" data-testid="scan-history">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">{t("columns.when")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.tool")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.file")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.findings")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.created")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.reopened")}</th>
              <th scope="col" className="px-3 py-2 text-right">{t("columns.closed")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {scans.map((s) => (
              <tr key={s.id} className="hover:bg-slate-50">
                <td className="whitespace-nowrap px-4 py-2">
                  <Link href={`/projects/${slug}/scans/${s.id}`} className="font-medium text-brand-700 underline">
                    {format.dateTime(s.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </Link>
                </td>
                <td className="px-3 py-2">{s.tool}{s.branch && <span className="ml-1 font-mono text-xs text-slate-500">{s.branch}</span>}</td>
                <td className="max-w-[16rem] truncate px-3 py-2" title={s.fileName}>{s.fileName}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(s.findingCount)}{s.metricCount > 0 && <span className="text-slate-500"> · {t("metricCount", { count: s.metricCount })}</span>}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(s.createdCount)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(s.reopenedCount)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{format.number(s.closedCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
