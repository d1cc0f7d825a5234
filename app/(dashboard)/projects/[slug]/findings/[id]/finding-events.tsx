import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EventByline } from "@/components/ui/event-byline";
import type { getFinding } from "@/lib/findings/get-finding";

type FindingEvent = NonNullable<Awaited<ReturnType<typeof getFinding>>>["events"][number];

// Fields whose stored values are enum members, shown with their translated labels.
const enumFields = { status: "status", severity: "severity", kind: "kind" } as const;
const knownFields = ["status", "severity", "kind", "title", "ref", "description", "recommendation", "category", "assignee", "location"];

/** The finding's history, newest first: "Status: Open → In progress", who, when. */
export async function FindingEvents({ events, base }: { events: FindingEvent[]; base: string }) {
  const t = await getTranslations();
  const show = (field: string, value: string | null) => {
    if (!value) return t("findings.event.none");
    const namespace = enumFields[field as keyof typeof enumFields];
    if (namespace) return t(`${namespace}.${value}`);
    return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  };
  const label = (field: string) => (knownFields.includes(field) ? t(`findings.eventFields.${field}`) : field);
  return (
    <section aria-labelledby="history-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="history-heading" className="text-sm font-semibold text-slate-500">{t("findings.history")}</h2>
      {events.length === 0 && <p className="mt-2 text-sm text-slate-500">{t("findings.noHistory")}</p>}
      <ol data-testid="finding-events" className="mt-3 space-y-3">
        {events.map((e) => (
          <li key={e.id} className="border-l-2 border-slate-200 pl-3 text-sm">
            <p>
              {e.field === "created"
                ? t("findings.event.created")
                : t("findings.event.change", { field: label(e.field), from: show(e.field, e.fromValue), to: show(e.field, e.toValue) })}
            </p>
            {e.item ? (
              <p className="break-words text-slate-600">
                {t.rich("findings.event.viaItem", { link: (chunks) => <Link href={`${base}/board/items/${e.item!.id}`} className="text-brand-700 underline">{chunks}</Link>, title: e.item.title })}
              </p>
            ) : (
              e.note && <p className="break-words text-slate-600">“{e.note}”</p>
            )}
            <EventByline actor={e.actor} at={e.createdAt} />
          </li>
        ))}
      </ol>
    </section>
  );
}
