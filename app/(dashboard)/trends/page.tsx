import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PortfolioTrendChart } from "@/components/charts/portfolio-trend-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/session";
import { getPortfolioTrend, getProjectScoreChanges } from "@/lib/maturity/get-portfolio";

const ranges = [30, 90, 365] as const;

export async function generateMetadata() {
  return { title: (await getTranslations("portfolio"))("trendsTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Readiness across all projects over 30, 90 or 365 days, and which projects moved most. */
export default async function TrendsPage({ searchParams }: Props) {
  await requirePageUser();
  const asked = Number((await searchParams).days);
  const days = (ranges as readonly number[]).includes(asked) ? asked : 90;
  const [t, format, points, changes] = await Promise.all([getTranslations("portfolio"), getFormatter(), getPortfolioTrend(days), getProjectScoreChanges(days)]);
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-xs text-slate-500"><Link href="/" className="hover:underline">{t("title")}</Link></p>
          <h1 className="text-2xl font-semibold">{t("trendsTitle")}</h1>
          <p className="text-sm text-slate-600">{t("trendsIntro")}</p>
        </div>
        <nav aria-label={t("range")} className="flex gap-1 rounded-md border border-slate-300 bg-white p-1 text-sm">
          {ranges.map((r) => (
            <Link key={r} href={`/trends?days=${r}`} aria-current={r === days ? "page" : undefined} data-testid={`range-${r}`}
              className={`rounded px-3 py-1 ${r === days ? "bg-brand-600 text-white" : "hover:bg-slate-100"}`}>
              {t("days", { days: r })}
            </Link>
          ))}
        </nav>
      </div>
      {points.length === 0 ? (
        <EmptyState title={t("noTrendTitle")} body={t("noTrendBody")} />
      ) : (
        <>
          <figure className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 className="mb-2 font-semibold">{t("acrossProjects", { projects: points.at(-1)!.projects })}</h2>
            <PortfolioTrendChart points={points} />
          </figure>
          <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white" aria-labelledby="movers">
            <h2 id="movers" className="border-b border-slate-200 px-4 py-3 font-semibold">{t("movers", { days })}</h2>
            <table className="w-full min-w-[560px] text-left text-sm" data-testid="score-changes">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2">{t("project")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("scoreThen")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("scoreNow")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("change")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {changes.map((c) => (
                  <tr key={c.slug}>
                    <td className="px-4 py-2"><Link href={`/projects/${c.slug}`} className="text-brand-700 underline">{c.name}</Link></td>
                    <td className="px-3 py-2 text-right tabular-nums">{format.number(c.then, { maximumFractionDigits: 1 })}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{format.number(c.now, { maximumFractionDigits: 1 })}</td>
                    <td className={`px-3 py-2 text-right tabular-nums ${c.now - c.then > 0 ? "text-emerald-700" : c.now - c.then < 0 ? "text-red-700" : ""}`}>
                      {format.number(c.now - c.then, { signDisplay: "exceptZero", maximumFractionDigits: 1 })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
