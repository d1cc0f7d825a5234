import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { requirePageUser } from "@/lib/auth/session";
import { getScanChanges } from "@/lib/ingest/get-scan-changes";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("scans"))("changesTitle") };
}

type Row = NonNullable<Awaited<ReturnType<typeof getScanChanges>>>["created"][number];

export default async function ScanPage({ params }: Props) {
  await requirePageUser();
  const { slug, id } = await params;
  const project = await getProjectForPage(slug);
  const changes = await getScanChanges(project.id, id);
  if (!changes) notFound();
  const [t, tc, format] = await Promise.all([getTranslations("scans"), getTranslations(), getFormatter()]);
  const { scan } = changes;
  const facts: [string, string][] = [
    [t("columns.tool"), `${scan.tool} (${scan.format})`],
    [t("columns.file"), scan.fileName],
    [t("columns.when"), format.dateTime(scan.createdAt, { dateStyle: "medium", timeStyle: "short" })],
    [t("uploadedBy"), scan.uploadedBy?.email ?? scan.actorLabel],
    [t("branch"), scan.branch ?? "—"],
    [t("commit"), scan.commit ?? "—"],
    [t("size"), t("sizeMb", { value: format.number(Math.round((scan.sizeBytes / 1024 / 1024) * 100) / 100) })],
    [t("duration"), t("seconds", { value: format.number(Math.round(scan.durationMs / 100) / 10) })],
  ];
  const list = (title: string, rows: Row[], count: number, testId: string) => (
    <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="font-semibold">{title} ({format.number(count)})</h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {rows.map((f) => (
            <li key={f.id} className="flex items-start gap-2 py-1.5">
              <SeverityBadge severity={f.severity} label={tc(`severity.${f.severity}`)} />
              <Link href={`/projects/${slug}/findings/${f.id}`} className="min-w-0 break-words text-brand-700 underline">{f.ref ? `${f.ref} · ` : ""}{f.title}</Link>
            </li>
          ))}
          {count > rows.length && <li className="py-1.5 text-slate-500">{t("andMore", { count: count - rows.length })}</li>}
        </ul>
      )}
    </section>
  );
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <p className="text-xs text-slate-500">
          <Link href={`/projects/${slug}`} className="hover:underline">{project.name}</Link> / <Link href={`/projects/${slug}/scans`} className="hover:underline">{t("title")}</Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("changesTitle")}</h1>
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
            <dd className="min-w-0 break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-700" data-testid="scan-counts">
        {t("resultCounts", { created: scan.createdCount, reopened: scan.reopenedCount, unchanged: scan.unchangedCount, closed: scan.closedCount })}
        {!scan.closeMissing && <span className="ml-1 text-slate-500">{t("keptMissing")}</span>}
      </p>
      {list(t("created"), changes.created, scan.createdCount, "scan-created")}
      {list(t("reopened"), changes.reopened, scan.reopenedCount, "scan-reopened")}
      {list(t("closed"), changes.closed, scan.closedCount, "scan-closed")}
      {scan.metrics.length > 0 && (
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("metrics")}</h2>
          <table className="mt-2 w-full text-left text-sm">
            <tbody className="divide-y divide-slate-100">
              {scan.metrics.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-normal">{m.key}{m.scope && <span className="ml-1 text-slate-500">({m.scope})</span>}</th>
                  <td className="py-1.5 text-right tabular-nums">{format.number(m.value, { maximumFractionDigits: 2 })}{m.unit ? ` ${m.unit}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
