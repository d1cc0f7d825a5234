import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Effort } from "@/components/roadmap/effort";
import { EventByline } from "@/components/ui/event-byline";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { StatusBadge } from "@/components/findings/status-badge";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { getItem } from "@/lib/roadmap/get-board";
import { findAssignableUsers } from "@/lib/users/find-assignable-users";
import { ItemForm } from "./item-form";

type Props = { params: Promise<{ slug: string; id: string }> };

const itemForPage = cache(async (slug: string, id: string) => {
  const project = await getProjectForPage(slug);
  const item = await getItem(project.id, id);
  if (!item) notFound();
  return { project, item };
});

export async function generateMetadata({ params }: Props) {
  const { slug, id } = await params;
  return { title: (await itemForPage(slug, id)).item.title };
}

/** A roadmap item: what it is, the findings it addresses, its history; leads edit it here. */
export default async function ItemPage({ params }: Props) {
  const { slug, id } = await params;
  const user = await requirePageUser();
  const { project, item } = await itemForPage(slug, id);
  const canEdit = can(user, "roadmap.write");
  const [t, users] = await Promise.all([getTranslations(), canEdit ? findAssignableUsers() : Promise.resolve([])]);
  const base = `/projects/${project.slug}`;
  const show = (field: string, value: string | null) => (!value ? "—" : field === "status" ? t(`board.status.${value}`) : value);
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <Link href={`${base}/board`} className="text-sm text-brand-700 hover:underline">← {t("board.backToBoard")}</Link>
      <div>
        <p className="text-sm text-slate-600">
          {item.sprint?.name ?? t("board.backlog")} · <span data-testid="item-status">{t(`board.status.${item.status}`)}</span>
          {item.effortMinutes !== null && <> · <Effort minutes={item.effortMinutes} minutesHigh={item.effortMinutesHigh} /></>}
          {item.assignee && <> · {item.assignee.email}</>}
        </p>
        <h1 className="mt-1 break-words text-2xl font-semibold">{item.title}</h1>
        {item.description && <p className="mt-2 max-w-3xl whitespace-pre-wrap break-words text-sm text-slate-700">{item.description}</p>}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <section className="rounded-xl border border-slate-200 bg-white p-5" data-testid="item-findings">
            <h2 className="text-sm font-semibold text-slate-500">{t("board.addresses")}</h2>
            {item.findings.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{t("board.addressesNone")}</p>
            ) : (
              <ul className="mt-2 space-y-2">
                {item.findings.map(({ finding: f }) => (
                  <li key={f.id} className="flex flex-wrap items-center gap-2 text-sm">
                    <SeverityBadge severity={f.severity} label={t(`severity.${f.severity}`)} />
                    <Link href={`${base}/findings/${f.id}`} className="min-w-0 break-words font-medium text-brand-700 hover:underline">{f.ref ? `${f.ref} · ` : ""}{f.title}</Link>
                    <StatusBadge status={f.status} label={t(`status.${f.status}`)} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-5">
            <h2 className="text-sm font-semibold text-slate-500">{t("board.history")}</h2>
            {item.events.length === 0 && <p className="mt-2 text-sm text-slate-600">{t("board.historyNone")}</p>}
            <ol className="mt-3 space-y-3" data-testid="item-events">
              {item.events.map((e) => (
                <li key={e.id} className="border-l-2 border-slate-200 pl-3 text-sm">
                  <p>{e.field === "created" ? t("board.event.created") : t("board.event.change", { field: t(`board.eventFields.${e.field}`), from: show(e.field, e.fromValue), to: show(e.field, e.toValue) })}</p>
                  <EventByline actor={e.actor} at={e.createdAt} />
                </li>
              ))}
            </ol>
          </section>
        </div>
        {canEdit && (
          <aside>
            <ItemForm
              slug={project.slug}
              item={{ id: item.id, version: item.version, title: item.title, effort: item.effortText ?? "", description: item.description ?? "", assigneeId: item.assigneeId ?? "" }}
              users={users}
            />
          </aside>
        )}
      </div>
    </div>
  );
}
