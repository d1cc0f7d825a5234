import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { findFindings, findFindingSources } from "@/lib/findings/find-findings";
import { EmptyState } from "@/components/ui/empty-state";
import { FindingsFilters } from "@/components/findings/findings-filters";
import { FindingsTable } from "@/components/findings/findings-table";
import { Pagination } from "@/components/findings/pagination";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  return { title: (await getProjectForPage((await params).slug)).name };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requireUser();
  const project = await getProjectForPage(slug);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const [t, result, sources] = await Promise.all([getTranslations("findings"), findFindings(project.id, raw), findFindingSources(project.id)]);
  const canWrite = can(user, "findings.write");
  const { query } = result;
  const filtered = Boolean(query.severity || query.status || query.category || query.kind || query.source || query.q);
  const base = `/projects/${project.slug}`;

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs text-slate-500">{project.slug}</p>
          <h1 className="text-2xl font-semibold">{project.name}</h1>
          {project.description && <p className="mt-1 max-w-3xl text-sm text-slate-600">{project.description}</p>}
        </div>
        {canWrite && (
          <Link href={`${base}/findings/new`} data-testid="new-finding" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("newFinding")}
          </Link>
        )}
      </div>

      <FindingsFilters
        action={base}
        query={query}
        categories={project.categories.map((c) => ({ key: c.key, name: c.name }))}
        sources={sources}
      />

      {result.total === 0 ? (
        filtered ? (
          <EmptyState title={t("noMatchTitle")} body={t("noMatchBody")}
            action={<Link href={base} className="text-sm font-medium text-brand-700 underline">{t("clearFilters")}</Link>} />
        ) : (
          <EmptyState title={t("emptyTitle")} body={canWrite ? t("emptyBodyLead") : t("emptyBodyViewer")}
            action={canWrite && <Link href={`${base}/findings/new`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">{t("newFinding")}</Link>} />
        )
      ) : (
        <>
          <FindingsTable base={base} query={query} items={result.items} />
          <Pagination base={base} query={query} total={result.total} page={result.page} pages={result.pages} />
        </>
      )}
    </div>
  );
}
