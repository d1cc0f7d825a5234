import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { getFinding } from "@/lib/findings/get-finding";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { StatusBadge } from "@/components/findings/status-badge";
import { StatusForm } from "./status-form";
import { DeleteFindingButton } from "./delete-finding-button";
import { FindingEvents } from "./finding-events";

type Props = { params: Promise<{ slug: string; id: string }> };

// Metadata and page need the same finding; one lookup per request.
const findingForPage = cache(async (slug: string, id: string) => {
  const project = await getProjectForPage(slug);
  const finding = await getFinding(project.id, id);
  if (!finding) notFound();
  return { project, finding };
});

export async function generateMetadata({ params }: Props) {
  const { slug, id } = await params;
  return { title: (await findingForPage(slug, id)).finding.title };
}

export default async function FindingPage({ params }: Props) {
  const { slug, id } = await params;
  const user = await requirePageUser();
  const { project, finding } = await findingForPage(slug, id);
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const base = `/projects/${project.slug}`;
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const facts: [string, React.ReactNode][] = [
    [t("findings.fields.kind"), t(`kind.${finding.kind}`)],
    [t("findings.fields.categoryId"), finding.category?.name ?? "—"],
    [t("findings.fields.source"), finding.source],
    [t("findings.fields.assigneeId"), finding.assignee?.email ?? t("findings.fields.nobody")],
    [t("findings.fields.firstSeenAt"), date(finding.firstSeenAt)],
    [t("findings.fields.lastSeenAt"), date(finding.lastSeenAt)],
    [t("findings.fields.resolvedAt"), date(finding.resolvedAt)],
  ];
  if (finding.status === "risk_accepted") facts.push([t("findings.fields.riskAcceptedUntil"), date(finding.riskAcceptedUntil)]);
  if (finding.statusReason) facts.push([t("findings.fields.statusReason"), finding.statusReason]);
  if (finding.cwe || finding.cve) facts.push([t("findings.fields.identifiers"), [finding.cwe, finding.cve].filter(Boolean).join(", ")]);
  if (finding.packageName) {
    const fixed = finding.fixedVersion ? ` → ${finding.fixedVersion}` : "";
    facts.push([t("findings.fields.package"), `${finding.packageName}${finding.installedVersion ? ` ${finding.installedVersion}` : ""}${fixed}`]);
  }

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <Link href={base} className="text-sm text-brand-700 hover:underline">← {t("findings.back", { project: project.name })}</Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {finding.ref && <span className="font-mono text-slate-600">{finding.ref}</span>}
            <SeverityBadge severity={finding.severity} label={t(`severity.${finding.severity}`)} />
            {finding.severityInferred && <span className="text-xs text-slate-500">({t("findings.inferred")})</span>}
            <StatusBadge status={finding.status} label={t(`status.${finding.status}`)} testId="finding-status" />
          </div>
          <h1 className="mt-2 break-words text-2xl font-semibold">{finding.title}</h1>
        </div>
        {can(user, "findings.write") && (
          <div className="flex gap-2">
            <Link href={`${base}/findings/${finding.id}/edit`} data-testid="edit-finding"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
              {t("findings.editFinding")}
            </Link>
            <DeleteFindingButton projectSlug={project.slug} findingId={finding.id} />
          </div>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <section className="rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="text-sm font-semibold text-slate-500">{t("findings.fields.description")}</h2>
            <p className="mt-2 whitespace-pre-wrap break-words text-sm">{finding.description || "—"}</p>
            {finding.recommendation && (
              <>
                <h2 className="mt-5 text-sm font-semibold text-slate-500">{t("findings.fields.recommendation")}</h2>
                <p className="mt-2 whitespace-pre-wrap break-words text-sm">{finding.recommendation}</p>
              </>
            )}
            <h2 className="mt-5 text-sm font-semibold text-slate-500">{t("findings.fields.locations")}</h2>
            {finding.locations.length > 0 ? (
              <ul className="mt-2 space-y-1 font-mono text-xs">
                {finding.locations.map((l) => <li key={l.id} className="break-all">{l.line ? `${l.file}:${l.line}` : l.file}</li>)}
              </ul>
            ) : (
              <p className="mt-2 text-sm">—</p>
            )}
          </section>
          <FindingEvents events={finding.events} base={base} />
        </div>
        <aside className="space-y-6">
          <dl className="grid grid-cols-2 gap-x-3 gap-y-3 rounded-xl border border-slate-200 bg-white p-5 text-sm lg:grid-cols-1">
            {facts.map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
          {finding.sources.length > 0 && (
            <section className="rounded-xl border border-slate-200 bg-white p-5 text-sm" data-testid="finding-sources">
              <h2 className="text-sm font-semibold text-slate-500">{t("findings.seenBy")}</h2>
              <ul className="mt-2 space-y-2">
                {finding.sources.map((s) => (
                  <li key={`${s.tool}:${s.branch}:${s.fingerprint}`}>
                    <span className="font-medium">{s.tool}</span>
                    {s.branch && <span className="ml-1 font-mono text-xs text-slate-500">{s.branch}</span>}
                    <span className="block text-xs text-slate-500">
                      {s.present ? t("findings.sourceSeen", { date: date(s.lastSeenAt) }) : t("findings.sourceGone", { date: date(s.lastSeenAt) })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="rounded-xl border border-slate-200 bg-white p-5 text-sm" data-testid="addressed-by">
            <h2 className="text-sm font-semibold text-slate-500">{t("findings.addressedBy")}</h2>
            {finding.roadmapItems.length === 0 ? (
              <p className="mt-2 text-slate-600">
                {can(user, "roadmap.write") ? t("findings.addressedByNoneLead") : t("findings.addressedByNone")}
              </p>
            ) : (
              <ul className="mt-2 space-y-2">
                {finding.roadmapItems.map(({ item }) => (
                  <li key={item.id}>
                    <Link href={`${base}/board/items/${item.id}`} className="font-medium text-brand-700 hover:underline">{item.title}</Link>
                    <span className="block text-xs text-slate-500">{item.sprint?.name ?? t("board.backlog")} · {t(`board.status.${item.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {can(user, "findings.status") && <StatusForm projectSlug={project.slug} findingId={finding.id} status={finding.status} />}
        </aside>
      </div>
    </div>
  );
}
