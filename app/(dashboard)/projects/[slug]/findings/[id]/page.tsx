import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { getFinding } from "@/lib/findings/get-finding";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { StatusBadge } from "@/components/findings/status-badge";
import { StatusForm } from "@/components/findings/status-form";
import { DeleteFindingButton } from "@/components/findings/delete-finding-button";
import { FindingEvents } from "@/components/findings/finding-events";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata({ params }: Props) {
  const { slug, id } = await params;
  const project = await getProjectForPage(slug);
  return { title: (await getFinding(project.id, id))?.title ?? project.name };
}

export default async function FindingPage({ params }: Props) {
  const { slug, id } = await params;
  const user = await requireUser();
  const project = await getProjectForPage(slug);
  const finding = await getFinding(project.id, id);
  if (!finding) notFound();
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

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <Link href={base} className="text-sm text-brand-700 hover:underline">← {t("findings.back")}</Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {finding.ref && <span className="font-mono text-slate-600">{finding.ref}</span>}
            <SeverityBadge severity={finding.severity} label={t(`severity.${finding.severity}`)} />
            <StatusBadge status={finding.status} label={t(`status.${finding.status}`)} testId="finding-status" />
          </div>
          <h1 className="mt-2 break-words text-2xl font-semibold">{finding.title}</h1>
        </div>
        {can(user, "findings.write") && (
          <div className="flex gap-2">
            <Link href={`${base}/findings/${finding.id}/edit`} data-testid="edit-finding" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
              {t("findings.editFinding")}
            </Link>
            <DeleteFindingButton projectSlug={project.slug} findingId={finding.id} />
          </div>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <section className="rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="text-sm font-semibold text-slate-500">{t("findings.fields.description")}</h2>
            <p className="mt-2 whitespace-pre-wrap break-words text-sm">{finding.description || "—"}</p>
            {finding.recommendation && (
              <>
                <h2 className="mt-5 text-sm font-semibold text-slate-500">{t("findings.fields.recommendation")}</h2>
                <p className="mt-2 whitespace-pre-wrap break-words text-sm">{finding.recommendation}</p>
              </>
            )}
            {finding.locations.length > 0 && (
              <>
                <h2 className="mt-5 text-sm font-semibold text-slate-500">{t("findings.fields.locations")}</h2>
                <ul className="mt-2 space-y-1 font-mono text-xs">
                  {finding.locations.map((l) => <li key={l.id} className="break-all">{l.file}{l.line ? `:${l.line}` : ""}</li>)}
                </ul>
              </>
            )}
          </section>
          <FindingEvents events={finding.events} />
        </div>
        <aside className="space-y-6">
          <dl className="grid grid-cols-2 gap-x-3 gap-y-2 rounded-xl border border-slate-200 bg-white p-5 text-sm lg:grid-cols-1">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-slate-500">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
          {can(user, "findings.status") && <StatusForm projectSlug={project.slug} findingId={finding.id} status={finding.status} />}
        </aside>
      </div>
    </div>
  );
}
