import { getFormatter, getTranslations } from "next-intl/server";
import type { getFinding } from "@/lib/findings/get-finding";

type Event = NonNullable<Awaited<ReturnType<typeof getFinding>>>["events"][number];

const enumFields = { status: "status", severity: "severity", kind: "kind" } as const;

export async function FindingEvents({ events }: { events: Event[] }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const value = (field: string, v: string | null) => {
    if (v === null || v === "") return t("findings.event.none");
    const ns = enumFields[field as keyof typeof enumFields];
    return ns ? t(`${ns}.${v}` as never) : v.length > 60 ? `${v.slice(0, 60)}…` : v;
  };
  const label = (field: string) => (t.has(`findings.eventFields.${field}`) ? t(`findings.eventFields.${field}` as never) : field);
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 className="text-sm font-semibold text-slate-500">{t("findings.history")}</h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{t("findings.noHistory")}</p>
      ) : (
        <ol data-testid="finding-events" className="mt-3 space-y-3">
          {events.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-3 text-sm">
              <div>
                {e.field === "created"
                  ? t("findings.event.created")
                  : t("findings.event.change", { field: label(e.field), from: value(e.field, e.fromValue), to: value(e.field, e.toValue) })}
              </div>
              {e.note && <div className="text-slate-600">“{e.note}”</div>}
              <div className="text-xs text-slate-500">
                {e.actor ? t("findings.event.by", { email: e.actor.email }) : t("findings.event.system")} ·{" "}
                {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
