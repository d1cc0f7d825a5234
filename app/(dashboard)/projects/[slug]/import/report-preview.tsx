"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SeverityBadge, severityOrder } from "@/components/ui/severity-badge";
import { reportFindingKinds, reportSeverities, type ParsedReport, type ReportFinding } from "@/lib/reports/schema";
import { PreviewExtras } from "./preview-extras";

type Props = {
  fileName: string;
  report: ParsedReport;
  categories: { key: string; name: string }[];
  committing: boolean;
  /** Why the last import was refused, shown beside the button that was pressed. */
  error?: string;
  onCommit: (report: ParsedReport) => void;
  onStartOver: () => void;
};

const select = "rounded border border-slate-300 bg-white px-1.5 py-1 text-sm";

/** Severity counts, most severe first, leaving out the severities nobody has. */
function countBySeverity(findings: ReportFinding[]) {
  return severityOrder.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
}

/**
 * The categories a finding can be put in: the project's, then those the report brings (the
 * import adds them), then any key a finding names that neither has, so a select never shows a
 * value it does not list.
 */
function categoryOptions(project: Props["categories"], report: ParsedReport) {
  const options = new Map(project.map((c) => [c.key, c.name]));
  for (const c of report.categories) if (!options.has(c.key)) options.set(c.key, c.name);
  for (const f of report.findings) if (f.category && !options.has(f.category)) options.set(f.category, f.category);
  return [...options].map(([key, name]) => ({ key, name }));
}

/** A path that may wrap after each "/" rather than in the middle of a name. */
function FilePath({ path }: { path: string }) {
  const parts = path.split("/");
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 && <>/<wbr /></>}
    </span>
  ));
}

/** Step 2: what the import would add, grouped by kind and severity; severity, kind and category editable. */
export function ReportPreview({ fileName, report, categories, committing, error, onCommit, onStartOver }: Props) {
  const t = useTranslations();
  const [findings, setFindings] = useState(report.findings);
  const [options] = useState(() => categoryOptions(categories, report));
  const edit = (index: number, change: Partial<ReportFinding>) =>
    setFindings((all) => all.map((f, i) => (i === index ? { ...f, ...change, severityInferred: change.severity ? false : f.severityInferred } : f)));
  const items = report.sprints.reduce((n, s) => n + s.items.length, 0);
  // Rows keep the place the report's severity gave them, so an edited row does not jump away
  // from the select being used.
  const rank = (index: number) => severityOrder.indexOf(report.findings[index]!.severity);

  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 className="break-words text-lg font-semibold">{t("reports.previewTitle", { name: report.title ?? fileName })}</h2>
            {report.title && <p className="break-all text-xs text-slate-500">{fileName}</p>}
          </div>
          <button type="button" disabled={committing} onClick={onStartOver}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60">
            {t("reports.startOver")}
          </button>
        </div>
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700">
          <li data-testid="preview-count-findings">{t("reports.counts.findings", { count: findings.length })}</li>
          <li data-testid="preview-count-strengths">{t("reports.counts.strengths", { count: report.strengths.length })}</li>
          <li data-testid="preview-count-sprints">{t("reports.counts.sprints", { count: report.sprints.length })}</li>
          <li data-testid="preview-count-items">{t("reports.counts.items", { count: items })}</li>
        </ul>
        {findings.length > 0 && (
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            <span className="text-slate-500">{t("reports.bySeverity")}:</span>
            {countBySeverity(findings).map(([s, n]) => (
              <span key={s} data-testid={`preview-severity-${s}`}><SeverityBadge severity={s} label={`${t(`severity.${s}`)} ${n}`} /></span>
            ))}
          </p>
        )}
        {report.warnings.length > 0 && (
          <div className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="preview-warnings">
            <p className="font-medium">{t("reports.warnings")}</p>
            <ul className="list-disc pl-5">{report.warnings.map((w) => <li key={w.code}>{t(`reports.warning.${w.code}`, { count: w.count })}</li>)}</ul>
          </div>
        )}
      </div>

      {reportFindingKinds.map((kind) => {
        const rows = findings
          .map((f, index) => ({ f, index }))
          .filter(({ f }) => f.kind === kind)
          .sort((a, b) => rank(a.index) - rank(b.index) || a.index - b.index);
        if (rows.length === 0) return null;
        return (
          <section key={kind} className="rounded-lg border border-slate-200 bg-white" data-testid={`preview-kind-${kind}`}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 px-4 py-3">
              <h3 className="font-semibold">{t("reports.findingsOfKind", { kind: t(`kind.${kind}`), count: rows.length })}</h3>
              <span className="flex flex-wrap gap-1">
                {countBySeverity(rows.map((r) => r.f)).map(([s, n]) => <SeverityBadge key={s} severity={s} label={`${t(`severity.${s}`)} ${n}`} />)}
              </span>
            </div>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[760px] text-left text-sm">
                <thead className="bg-slate-50 text-xs uppercase text-slate-500">
                  <tr>
                    {(["ref", "title", "severity", "kind", "category", "files"] as const).map((c) => <th key={c} scope="col" className="px-3 py-2">{t(`reports.columns.${c}`)}</th>)}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map(({ f, index }) => (
                    <tr key={index} data-testid="preview-finding" className="align-top">
                      <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{f.ref ?? "—"}</td>
                      <td className="min-w-[16rem] px-3 py-2">{f.title}</td>
                      <td className="whitespace-nowrap px-3 py-2">
                        <select aria-label={`${t("reports.columns.severity")}: ${f.ref ?? f.title}`} className={select} value={f.severity}
                          disabled={committing} onChange={(e) => edit(index, { severity: e.currentTarget.value as ReportFinding["severity"] })}>
                          {reportSeverities.map((s) => <option key={s} value={s}>{t(`severity.${s}`)}</option>)}
                        </select>
                        {f.severityInferred && (
                          <span className="ml-1 cursor-help rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 underline decoration-dotted" title={t("reports.inferredHint")} data-testid="inferred">
                            {t("reports.inferred")}
                          </span>
                        )}
                      </td>
                      <td className="px-3 py-2">
                        <select aria-label={`${t("reports.columns.kind")}: ${f.ref ?? f.title}`} className={select} value={f.kind}
                          disabled={committing} onChange={(e) => edit(index, { kind: e.currentTarget.value as ReportFinding["kind"] })}>
                          {reportFindingKinds.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
                        </select>
                      </td>
                      <td className="px-3 py-2">
                        <select aria-label={`${t("reports.columns.category")}: ${f.ref ?? f.title}`} className={`${select} max-w-[12rem]`} value={f.category ?? ""}
                          disabled={committing} onChange={(e) => edit(index, { category: e.currentTarget.value || null })}>
                          <option value="">{t("reports.noCategory")}</option>
                          {options.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
                        </select>
                      </td>
                      <td className="min-w-[12rem] max-w-[20rem] px-3 py-2 font-mono text-xs text-slate-600 [overflow-wrap:anywhere]">
                        {f.locations.map((l, i) => (
                          <span key={i} className="block">
                            <FilePath path={l.line ? `${l.file}:${l.line}` : l.file} />
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}

      <PreviewExtras report={report} />

      {/* Stays in view while the lead scrolls through a long preview. */}
      <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur md:-mx-8 md:px-8">
        {error && <p role="alert" className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-error">{error}</p>}
        <button type="button" disabled={committing} aria-busy={committing} onClick={() => onCommit({ ...report, findings })} data-testid="commit-import"
          className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
          {committing ? t("reports.committing") : t("reports.commit", { count: findings.length })}
        </button>
      </div>
    </div>
  );
}
