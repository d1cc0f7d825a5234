import { getFormatter, getTranslations } from "next-intl/server";
import type { MaturitySettings } from "@/lib/maturity/settings";

/** "How is this computed?": the scoring model in the project's own numbers. */
export async function HowComputed({ settings }: { settings: MaturitySettings }) {
  const [t, format] = await Promise.all([getTranslations("maturity.how"), getFormatter()]);
  const w = settings.severityWeights;
  const l = settings.levels;
  return (
    <details className="mt-4 text-sm" data-testid="how-computed">
      <summary className="cursor-pointer font-medium text-brand-700">{t("summary")}</summary>
      <div className="mt-2 space-y-2 text-slate-700">
        <p>{t("weights", { critical: w.critical, high: w.high, medium: w.medium, low: w.low, info: w.info })}</p>
        <p>{t("category", { k: format.number(settings.halfScorePenalty) })}</p>
        <p>{t("overall")}</p>
        <p>{t("counted")}</p>
        <p className="font-medium">{t("levelsTitle")}</p>
        <ol className="list-decimal space-y-0.5 pl-5">
          <li>{t("l1", { n: l.basicMaxGaps })}</li>
          <li>{t("l2", { n: l.intermediateMaxCriticalHigh })}</li>
          <li>{t("l3", { n: l.advancedMaxCriticalHigh })}</li>
          <li>{t("l4", { n: l.exemplaryMaxGaps })}</li>
          <li>{t("l5")}</li>
        </ol>
        <p>{t("cumulative")}</p>
        <p>{t("takes")}</p>
        <p>{t("forecast")}</p>
      </div>
    </details>
  );
}
