import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getPortfolio } from "@/lib/maturity/get-portfolio";
import { readPortfolioSort, sortPortfolio } from "@/lib/maturity/sort-portfolio";
import { PortfolioTable } from "./portfolio-table";

export async function generateMetadata() {
  return { title: (await getTranslations("portfolio"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PortfolioPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const query = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const [t, rows] = await Promise.all([getTranslations(), getPortfolio()]);
  const canCreate = can(user, "projects.write");
  const sort = readPortfolioSort(query);
  return (
    <div className="mx-auto max-w-7xl">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("portfolio.title")}</h1>
          <p className="text-sm text-slate-600">{t("portfolio.subtitle")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {rows.length > 0 && (
            <Link href="/trends" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50" data-testid="portfolio-trends">
              {t("portfolio.trends")}
            </Link>
          )}
          {canCreate && (
            <Link href="/projects/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("nav.newProject")}
            </Link>
          )}
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState
          title={t("portfolio.emptyTitle")}
          body={canCreate ? t("portfolio.emptyBody") : t("portfolio.emptyBodyViewer")}
          action={canCreate && (
            <Link href="/projects/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
              {t("nav.newProject")}
            </Link>
          )}
        />
      ) : (
        <PortfolioTable rows={sortPortfolio(rows, sort.key, sort.dir)} sort={sort} />
      )}
    </div>
  );
}
