import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { FindFindingsQuery } from "@/lib/findings/schema";
import { findingsHref } from "./findings-href";

type Props = { base: string; query: FindFindingsQuery; total: number; page: number; pages: number };

export async function FindingsPagination({ base, query, total, page, pages }: Props) {
  const [t, format] = await Promise.all([getTranslations("findings"), getFormatter()]);
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p data-testid="findings-count" aria-live="polite">
        {t("count", { total })} · {t("pageOf", { page: format.number(page), pages: format.number(pages) })}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={link} rel="prev" href={findingsHref(base, query, { page: page - 1 })}>{t("previous")}</Link>
        ) : (
          <span className={off} aria-disabled="true">{t("previous")}</span>
        )}
        {page < pages ? (
          <Link className={link} rel="next" href={findingsHref(base, query, { page: page + 1 })}>{t("next")}</Link>
        ) : (
          <span className={off} aria-disabled="true">{t("next")}</span>
        )}
      </div>
    </nav>
  );
}
