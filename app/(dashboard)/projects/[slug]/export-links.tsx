import { getTranslations } from "next-intl/server";
import { PrintButton } from "./print-button";

/** Findings as CSV, the readiness report as Markdown (the importer reads it back), and print. */
export async function ExportLinks({ slug }: { slug: string }) {
  const t = await getTranslations("maturity.export");
  const link = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 print:hidden";
  return (
    <>
      <a href={`/api/v1/projects/${slug}/findings.csv`} className={link} data-testid="export-csv" download>{t("csv")}</a>
      <a href={`/api/v1/projects/${slug}/report.md`} className={link} data-testid="export-report" download>{t("report")}</a>
      <PrintButton label={t("print")} className={link} />
    </>
  );
}
