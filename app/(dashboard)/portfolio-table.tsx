import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Sparkline } from "@/components/charts/sparkline";
import type { PortfolioRow } from "@/lib/maturity/get-portfolio";
import type { PortfolioSortKey } from "@/lib/maturity/sort-portfolio";

type Props = { rows: PortfolioRow[]; sort: { key: PortfolioSortKey; dir: "asc" | "desc" } };

/** Every project's readiness in one table; each header sorts by its column (a link, so the keyboard and the URL keep it). */
export async function PortfolioTable({ rows, sort }: Props) {
  const [t, tm, format] = await Promise.all([getTranslations("portfolio"), getTranslations("maturity"), getFormatter()]);
  const header = (key: PortfolioSortKey, label: string, align = "text-left") => {
    const active = sort.key === key;
    const dir = active && sort.dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" className={align} aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}>
        <Link href={`/?sort=${key}&dir=${dir}`} className="inline-flex items-center gap-1 hover:text-slate-900" data-testid={`sort-${key}`}>
          {label}
          <span aria-hidden>{active ? (sort.dir === "asc" ? "▲" : "▼") : ""}</span>
        </Link>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {/* Cell styles set once on the table: a portfolio of hundreds of rows repeats no class strings. */}
      <table className="w-full min-w-[760px] text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&_tbody_tr:hover]:bg-slate-50" data-testid="portfolio">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            {header("name", t("project"))}
            {header("level", t("level"))}
            {header("score", t("score"), "text-right")}
            <th scope="col">{t("trend30")}</th>
            {header("critical", t("openCritical"), "text-right")}
            {header("gate", t("gate"))}
            {header("scan", t("lastScan"))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((p) => (
            <tr key={p.id} data-testid="portfolio-row">
              <td>
                {/* A plain link: hundreds of rows should not each prefetch a project page. */}
                <a href={`/projects/${p.slug}`} className="font-medium text-brand-700 underline">{p.name}</a>
                <span className="block font-mono text-xs text-slate-500">{p.slug}{p.ownerTeam ? ` · ${p.ownerTeam}` : ""}</span>
              </td>
              <td className="whitespace-nowrap" data-testid="portfolio-level">{p.level === null ? "—" : `L${p.level} ${tm(`levels.${p.level}`)}`}</td>
              <td className="text-right tabular-nums" data-testid="portfolio-score">{p.score === null ? "—" : format.number(p.score, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</td>
              <td>
                <Sparkline points={p.sparkline} label={t("sparkline", { name: p.name, from: format.number(p.sparkline[0] ?? 0), to: format.number(p.sparkline.at(-1) ?? 0) })} />
              </td>
              <td className={`text-right tabular-nums${p.openCritical > 0 ? " font-semibold text-red-700" : ""}`}>{format.number(p.openCritical)}</td>
              <td className="whitespace-nowrap">{p.gatePassed === null ? "—" : p.gatePassed ? <span className="text-emerald-700">✓ {tm("gateStatus.pass")}</span> : <span className="text-red-700">✗ {tm("gateStatus.fail")}</span>}</td>
              <td className="whitespace-nowrap">{p.lastScanDays === null ? t("never") : t("daysAgo", { days: p.lastScanDays })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
