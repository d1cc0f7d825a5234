import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { GateResult } from "@/lib/maturity/gate";

/** The readiness gate now: pass or fail, and each criterion with what was measured. */
export async function GateCard({ slug, gate, canEdit }: { slug: string; gate: GateResult; canEdit: boolean }) {
  const [t, format] = await Promise.all([getTranslations("maturity"), getFormatter()]);
  const pass = gate.status === "pass";
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="gate-card">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-slate-500">{t("gate")}</p>
        {canEdit && <Link href={`/projects/${slug}/settings`} className="text-sm text-brand-700 underline" data-testid="edit-gate">{t("editGate")}</Link>}
      </div>
      <p className={`mt-1 text-lg font-semibold ${pass ? "text-emerald-700" : "text-red-700"}`} data-testid="gate-status">
        {pass ? "✓ " : "✗ "}{t(`gateStatus.${gate.status}`)}
      </p>
      <ul className="mt-2 space-y-1 text-sm">
        {gate.criteria.map((c) => (
          <li key={c.key} className="flex items-start justify-between gap-2" data-testid="gate-criterion">
            <span className="min-w-0 break-words">
              <span aria-hidden>{c.pass ? "✓" : "✗"} </span>
              <span className="sr-only">{c.pass ? t("criterionMet") : t("criterionNotMet")}: </span>
              {c.name}
            </span>
            <span className={`shrink-0 tabular-nums ${c.pass ? "text-slate-600" : "text-red-700"}`}>
              {c.actual === null ? t("notMeasured") : format.number(c.actual, { maximumFractionDigits: 4 })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
