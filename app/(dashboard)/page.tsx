import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findProjects } from "@/lib/projects/find-projects";
import { EmptyState } from "@/components/ui/empty-state";
import { SeverityBadge, severityOrder } from "@/components/ui/severity-badge";

export async function generateMetadata() {
  return { title: (await getTranslations("portfolio"))("title") };
}

export default async function PortfolioPage() {
  const user = await requirePageUser();
  const [t, format, projects] = await Promise.all([getTranslations(), getFormatter(), findProjects()]);
  const canCreate = can(user, "projects.write");

  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("portfolio.title")}</h1>
          <p className="text-sm text-slate-600">{t("portfolio.subtitle")}</p>
        </div>
        {canCreate && (
          <Link href="/projects/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("nav.newProject")}
          </Link>
        )}
      </div>
      {projects.length === 0 ? (
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
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((p) => (
            <li key={p.id}>
              <Link href={`/projects/${p.slug}`} className="block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-600">
                <h2 className="font-semibold">{p.name}</h2>
                <p className="text-xs text-slate-500">{p.slug}</p>
                {p.description && <p className="mt-2 line-clamp-2 text-sm text-slate-600">{p.description}</p>}
                <p className="mt-4 text-xs font-medium uppercase tracking-wide text-slate-500">
                  {t("portfolio.openFindings")}: {format.number(p.openTotal)}
                </p>
                <div className="mt-2 flex flex-wrap gap-1.5">
                  {severityOrder.filter((s) => p.open[s] > 0).map((s) => (
                    <SeverityBadge key={s} severity={s} label={`${t(`severity.${s}`)} ${format.number(p.open[s])}`} />
                  ))}
                </div>
                <p className="mt-4 text-xs text-slate-500">
                  {t("portfolio.updated")} {format.dateTime(p.updatedAt, { dateStyle: "medium" })}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
