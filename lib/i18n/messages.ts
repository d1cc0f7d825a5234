import type { Locale } from "@/lib/i18n/config";

// One catalog per language, split by namespace (one file per area of the app). Indonesian
// falls back to English key by key while its translation catches up.
import enCommon from "@/messages/en/common.json";
import idCommon from "@/messages/id/common.json";
import enFindings from "@/messages/en/findings.json";
import idFindings from "@/messages/id/findings.json";
import enReports from "@/messages/en/reports.json";
import idReports from "@/messages/id/reports.json";
import enMaturity from "@/messages/en/maturity.json";
import idMaturity from "@/messages/id/maturity.json";
import enBoard from "@/messages/en/board.json";
import idBoard from "@/messages/id/board.json";
import enScans from "@/messages/en/scans.json";
import idScans from "@/messages/id/scans.json";
import enCharts from "@/messages/en/charts.json";
import idCharts from "@/messages/id/charts.json";

const catalogs = {
  en: { ...enCommon, ...enFindings, ...enReports, ...enScans, ...enMaturity, ...enBoard, ...enCharts },
  id: { ...idCommon, ...idFindings, ...idReports, ...idScans, ...idMaturity, ...idBoard, ...idCharts },
};

export type Messages = typeof catalogs.en;

function mergeDeep(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] =
      value && typeof value === "object" && prev && typeof prev === "object"
        ? mergeDeep(prev as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}

export function messagesFor(locale: Locale): Messages {
  if (locale === "en") return catalogs.en;
  return mergeDeep(catalogs.en, catalogs[locale]) as Messages;
}
