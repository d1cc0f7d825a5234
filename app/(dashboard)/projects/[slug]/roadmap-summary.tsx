import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Effort } from "@/components/roadmap/effort";
import type { findSprints } from "@/lib/roadmap/find-sprints";
import type { findStrengths } from "@/lib/strengths/find-strengths";

type Props = {
  sprints: Awaited<ReturnType<typeof findSprints>>;
  strengths: Awaited<ReturnType<typeof findStrengths>>;
  /** The import page, for those who may import; null for everyone else. */
  importHref: string | null;
  boardHref: string;
};

/** The project's sprints at a glance, a way to the board, and its strengths, folded. */
export async function RoadmapSummary({ sprints, strengths, importHref, boardHref }: Props) {
  const t = await getTranslations("reports");
  const tb = await getTranslations("board");
  return (
    <div className="grid items-start gap-4 lg:grid-cols-3">
      <section aria-labelledby="roadmap-heading" className={`rounded-lg border border-slate-200 bg-white p-4 ${strengths.length > 0 ? "lg:col-span-2" : "lg:col-span-3"}`}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="roadmap-heading" className="font-semibold">{t("roadmapTitle")}</h2>
          <Link href={boardHref} className="text-sm font-medium text-brand-700 underline" data-testid="open-board">{tb("openBoard")}</Link>
        </div>
        {sprints.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600" data-testid="roadmap-empty">
            {importHref
              ? t.rich("roadmapEmptyLead", { link: (chunks) => <Link href={importHref} className="font-medium text-brand-700 underline">{chunks}</Link> })
              : t("roadmapEmpty")}
          </p>
        ) : (
          <ol className="mt-2 divide-y divide-slate-100">
            {sprints.map((s) => (
              <li key={s.id} data-testid="sprint" className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm">
                <span className="min-w-0 break-words">
                  <span className="font-medium">{s.name}</span>
                  {s.window && <span className="text-slate-500"> · {s.window}</span>}
                </span>
                <span className="text-slate-600">
                  <span data-testid="sprint-items">{t("sprintSummary", { items: s.items, done: s.done })}</span>
                  {s.effortMinutes !== null && s.effortMinutes > 0 && (
                    <> · <Effort minutes={s.effortMinutes} minutesHigh={s.effortMinutesHigh} /></>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      {/* Folded: a count is enough at a glance; nothing to show when the reports recorded none. */}
      {strengths.length > 0 && (
        <section aria-labelledby="strengths-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <details>
            <summary id="strengths-heading" className="cursor-pointer font-semibold" data-testid="strengths-count">
              {t("strengthsSection", { count: strengths.length })}
            </summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {strengths.map((s) => <li key={s.id} className="break-words"><span className="font-medium">{s.title}</span>{s.detail && <span className="text-slate-600"> — {s.detail}</span>}</li>)}
            </ul>
          </details>
        </section>
      )}
    </div>
  );
}
