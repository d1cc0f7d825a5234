"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Effort } from "@/components/roadmap/effort";
import type { ParsedReport } from "@/lib/reports/schema";

/** The rest of a parsed report: strengths, sprints with their items, weights, gate, metrics. */
export function PreviewExtras({ report }: { report: ParsedReport }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const card = "rounded-lg border border-slate-200 bg-white p-4";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {report.sprints.length > 0 && (
        <section className={`${card} lg:col-span-2`}>
          <h3 className="font-semibold">{t("sprintsTitle")}</h3>
          <ol className="mt-2 space-y-3">
            {report.sprints.map((sprint, i) => {
              const low = sprint.items.reduce((n, it) => n + (it.effort?.minutes ?? 0), 0);
              const high = sprint.items.reduce((n, it) => n + (it.effort?.minutesHigh ?? it.effort?.minutes ?? 0), 0);
              return (
                <li key={i} data-testid="preview-sprint">
                  <details>
                    <summary className="cursor-pointer">
                      <span className="font-medium">{sprint.name}</span>
                      {sprint.window && <span className="text-slate-500"> · {sprint.window}</span>}
                      <span className="text-sm text-slate-600"> — {t("sprintSummary", { items: sprint.items.length, done: sprint.items.filter((it) => it.status === "done").length })}</span>
                      {low > 0 && <span className="text-sm text-slate-600"> · <Effort minutes={low} minutesHigh={high} /></span>}
                    </summary>
                    <ul className="mt-2 space-y-1 pl-4 text-sm">
                      {sprint.items.map((item, j) => (
                        <li key={j} className="flex gap-x-2">
                          <span aria-hidden>{item.status === "done" ? "☑" : "☐"}</span>
                          <span className="sr-only">{t(`itemStatus.${item.status}`)}</span>
                          <span className={`min-w-0 break-words ${item.status === "done" ? "text-slate-500 line-through" : ""}`}>
                            {item.title}
                            {item.effort && (
                              <span className="whitespace-nowrap text-slate-500" title={item.effort.text}>
                                {" "}(<Effort minutes={item.effort.minutes} minutesHigh={item.effort.minutesHigh} />)
                              </span>
                            )}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {report.strengths.length > 0 && (
        <section className={card}>
          <details>
            <summary className="cursor-pointer font-semibold">{t("strengthsTitle")} ({report.strengths.length})</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {report.strengths.map((s, i) => <li key={i}><span className="font-medium">{s.title}</span>{s.detail && <span className="text-slate-600"> — {s.detail}</span>}</li>)}
            </ul>
          </details>
        </section>
      )}
      {report.categories.length > 0 && (
        <section className={card}>
          <h3 className="font-semibold">{t("categoriesTitle")}</h3>
          <ul className="mt-2 grid grid-cols-1 gap-1 text-sm sm:grid-cols-2">
            {report.categories.map((c) => <li key={c.key}>{c.name} · {t("weight", { weight: format.number(c.weight) })}</li>)}
          </ul>
        </section>
      )}
      {report.gateCriteria.length > 0 && (
        <section className={card}>
          <h3 className="font-semibold">{t("gateTitle")}</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {report.gateCriteria.map((g) => (
              <li key={g.key} title={g.label}>{t(`gate.${g.key}`, { value: format.number(g.key === "max_error_rate" ? g.threshold * 100 : g.threshold) })}</li>
            ))}
          </ul>
        </section>
      )}
      {report.metrics.length > 0 && (
        <section className={card}>
          <h3 className="font-semibold">{t("metricsTitle")}</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {report.metrics.map((m) => <li key={m.key} title={m.label}><span className="font-mono">{m.key}</span> = {format.number(m.value)}{m.unit ?? ""}</li>)}
          </ul>
        </section>
      )}
    </div>
  );
}
