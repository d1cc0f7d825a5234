import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { findFindings } from "@/lib/findings/find-findings";
import { findFindingSources } from "@/lib/findings/find-finding-sources";
import { findFindingsSchema } from "@/lib/findings/schema";
import { EmptyState } from "@/components/ui/empty-state";
import { FindingsFilters } from "./findings-filters";
import { FindingsTable } from "./findings-table";
import { FindingsPagination } from "./findings-pagination";
import { findingsHref } from "./findings-href";
import { RoadmapSummary } from "./roadmap-summary";
import { PlanFindingsBar } from "./plan-findings-bar";
import { findSprints } from "@/lib/roadmap/find-sprints";
import { findStrengths } from "@/lib/strengths/find-strengths";
import { getReadiness } from "@/lib/maturity/get-readiness";
import { ReadinessPanel } from "./readiness-panel";
import { ExportLinks } from "./export-links";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  return { title: (await getProjectForPage((await params).slug)).name };
}

export default async function ProjectPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await requirePageUser();
  const project = await getProjectForPage(slug);
  const search = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A hand-edited URL with a value the list does not know shows everything, with a note.
  const parsed = findFindingsSchema.safeParse(search);
  const [t, tr, ts, tb, result, sources, sprints, strengths, maturity] = await Promise.all([
    getTranslations("findings"),
    getTranslations("reports"),
    getTranslations("scans"),
    getTranslations("board"),
    findFindings(project.id, parsed.success ? parsed.data : {}),
    findFindingSources(project.id),
    findSprints(project.id),
    findStrengths(project.id),
    getReadiness(project.id),
  ]);
  const { query, total, page, pages } = result;
  const base = `/projects/${project.slug}`;
  if (result.items.length === 0 && page > pages) redirect(findingsHref(base, query, { page: pages }));
  const canWrite = can(user, "findings.write");
  const canImport = can(user, "imports.write");
  const canPlan = can(user, "roadmap.write");
  const filtered = Boolean(query.severity || query.status || query.category || query.kind || query.source || query.q);

  return (
    <div className="mx-auto max-w-7xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-mono text-xs text-slate-500">{project.slug}</p>
          <h1 className="break-words text-2xl font-semibold">{project.name}</h1>
          {project.description && <p className="mt-1 max-w-3xl text-sm text-slate-600">{project.description}</p>}
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`${base}/board`} data-testid="project-board" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            {tb("title")}
          </Link>
          <Link href={`${base}/scans`} data-testid="project-scans" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            {ts("title")}
          </Link>
          {canImport && (
            <Link href={`${base}/import`} data-testid="import-report" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
              {tr("importReport")}
            </Link>
          )}
          <ExportLinks slug={project.slug} />
          {canWrite && (
            <Link href={`${base}/findings/new`} data-testid="new-finding" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
              {t("newFinding")}
            </Link>
          )}
        </div>
      </div>

      <ReadinessPanel slug={project.slug} projectId={project.id} maturity={maturity} canEdit={can(user, "projects.write")} />

      <RoadmapSummary sprints={sprints} strengths={strengths} importHref={canImport ? `${base}/import` : null} boardHref={`${base}/board`} />

      <section aria-labelledby="findings-heading" className="space-y-4">
        <h2 id="findings-heading" className="text-lg font-semibold">{t("title")}</h2>
        {!parsed.success && <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("badQuery")}</p>}
        <FindingsFilters
          action={base}
          query={query}
          categories={project.categories.map((c) => ({ key: c.key, name: c.name }))}
          sources={sources}
          showClear={filtered && total > 0}
        />
        {total > 0 ? (
          <>
            {canPlan && <PlanFindingsBar slug={project.slug} sprints={sprints.filter((s) => !s.closed).map((s) => ({ id: s.id, name: s.name }))} />}
            <FindingsTable base={base} query={query} items={result.items} choosable={canPlan} />
            <FindingsPagination base={base} query={query} total={total} page={page} pages={pages} />
          </>
        ) : filtered ? (
          <EmptyState title={t("noMatchTitle")} body={t("noMatchBody")}
            action={<Link href={base} data-testid="clear-filters" className="text-sm font-medium text-brand-700 underline">{t("clearFilters")}</Link>} />
        ) : (
          <EmptyState title={t("emptyTitle")} body={canWrite ? t("emptyBodyLead") : t("emptyBodyViewer")} />
        )}
      </section>
    </div>
  );
}
