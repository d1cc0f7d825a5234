import { getFormatter, getTranslations } from "next-intl/server";
import { BurndownChart } from "@/components/charts/burndown-chart";
import { VelocityChart } from "@/components/charts/velocity-chart";
import { Effort } from "@/components/roadmap/effort";
import type { Board } from "@/lib/roadmap/get-board";
import { getBoardInsights } from "@/lib/roadmap/get-board-insights";

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** The current sprint's burndown, velocity over closed sprints, and the items with the best return on effort. */
export async function BoardInsights({ projectId, board }: { projectId: string; board: Board }) {
  const [t, format, { current, burn, speed, roi }] = await Promise.all([getTranslations("board"), getFormatter(), getBoardInsights(projectId, board)]);
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="board-insights">
      <figure className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{current ? t("burndownOf", { name: current.name }) : t("burndown")}</h2>
        {burn ? (
          <BurndownChart points={burn.points.map((p) => ({ date: p.date, remainingHours: hours(p.remainingMinutes), idealHours: hours(p.idealMinutes) }))} />
        ) : (
          <p className="text-sm text-slate-600">{current ? t("burndownNotStarted") : t("burndownNeedsDates")}</p>
        )}
      </figure>
      <figure className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t("velocity")}</h2>
        <VelocityChart points={speed.sprints.map((s) => ({ name: s.name, doneHours: hours(s.doneMinutes), committedHours: hours(s.committedMinutes) }))} />
        {speed.averageDoneMinutes !== null && <p className="mt-2 text-sm text-slate-600">{t("averageVelocity")}: <Effort minutes={speed.averageDoneMinutes} minutesHigh={null} /></p>}
      </figure>
      <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white lg:col-span-2" aria-labelledby="roi-heading">
        <h2 id="roi-heading" className="border-b border-slate-200 px-4 py-3 font-semibold">{t("roiTitle")}</h2>
        {roi.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-600">{t("roiEmpty")}</p>
        ) : (
          <table className="w-full min-w-[520px] text-left text-sm [&_td]:px-4 [&_td]:py-2 [&_th]:px-4 [&_th]:py-2" data-testid="roi-table">
            <thead className="text-xs uppercase text-slate-500">
              <tr><th scope="col">{t("item")}</th><th scope="col">{t("effort")}</th><th scope="col" className="text-right">{t("impact")}</th><th scope="col" className="text-right">{t("roi")}</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {roi.map((r) => (
                <tr key={r.id}>
                  <td className="break-words">{r.title}</td>
                  <td className="whitespace-nowrap"><Effort minutes={r.effortMinutes} minutesHigh={null} /></td>
                  <td className="text-right tabular-nums">{format.number(r.impact)}</td>
                  <td className="text-right tabular-nums">{format.number(r.roi, { maximumFractionDigits: 2 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
