import type { ReportSeverity } from "@/lib/reports/schema";

// The words reports use, in English and Indonesian, for severities, categories and the kinds
// of section the importer treats specially.

const severityWords: [RegExp, ReportSeverity][] = [
  [/🔴/u, "critical"],
  [/🟠/u, "high"],
  [/🟡/u, "medium"],
  [/🟢/u, "low"],
  [/🔵|ℹ️/u, "info"],
  [/\b(critical|kritis|kritikal|blocker)\b/i, "critical"],
  // "High Availability", "High ROI, Low Effort" and "low latency" name no severity.
  [/\b(high(?![\s-]+(?:availability|roi|effort|latency|impact))|tinggi|major|penting)\b/i, "high"],
  [/\b(medium|moderate|sedang|menengah)\b/i, "medium"],
  [/\b(low(?![\s-]+(?:effort|latency|hanging|risk))|rendah|minor)\b/i, "low"],
  [/\b(info|informational)\b/i, "info"],
  [/\bP0\b/, "critical"],
  [/\bP1\b/, "high"],
  [/\bP2\b/, "medium"],
  [/\bP3\b/, "low"],
];

function earliest(text: string, words: [RegExp, ReportSeverity][]): ReportSeverity | null {
  let best: { at: number; severity: ReportSeverity } | null = null;
  for (const [pattern, severity] of words) {
    const match = pattern.exec(text);
    if (match && (best === null || match.index < best.at)) best = { at: match.index, severity };
  }
  return best?.severity ?? null;
}

/**
 * The severity a label, heading or cell states; the earliest word wins ("Low & Inkonsistensi",
 * "HIGH-CRITICAL"), and a word beats an emoji ("🔴 HIGH" is high), else the emoji says it.
 */
export function severityFromText(text: string): ReportSeverity | null {
  return earliest(text, severityWords.filter(([p]) => !p.unicode)) ?? earliest(text, severityWords.filter(([p]) => p.unicode));
}

// More specific phrases first: "Business Continuity" is not "services", "API & Integration"
// is not "security".
const categoryWords: [RegExp, string][] = [
  [/business continuity|disaster recovery|backup|restore|\bdr\b|high availability|\bha\b|failover|single point of failure|incident|insiden|redundan/i, "business_continuity"],
  [/developer experience|\bdevex\b|\bdx\b|onboarding|developer tooling/i, "developer_experience"],
  [/data governance|data quality|privacy|privasi|\bpii\b|retention|data lifecycle|data classification/i, "data_governance"],
  [/\bapi\b|integration|integrasi|openapi|webhook|interoperab/i, "api_integration"],
  [/security|keamanan|secur|auth|otentikasi|autentikasi|otorisasi|\bxss\b|csrf|injection|secret|token|\btls\b|\bssl\b|encrypt|enkripsi|vulnerab|kerentanan|\bcve\b|password|kata sandi|rbac|cors|crypto/i, "security"],
  [/performance|kinerja|performa|latency|latensi|throughput|caching|\bcache\b|load test|scalab|skalab/i, "performance"],
  [/observability|observabilitas|monitoring|pemantauan|logging|\blogs?\b|tracing|metrics|alert/i, "observability"],
  [/deployment|deploy|\bci\b|\bcd\b|ci\/cd|pipeline|docker|kubernetes|\bk8s\b|helm|infrastructure|infrastruktur|\biac\b|terraform|gitops|argocd/i, "deployment"],
  [/compliance|kepatuhan|gdpr|regulat|audit trail/i, "compliance"],
  [/documentation|dokumentasi|\bdocs?\b|readme|runbook/i, "documentation"],
  [/testing|\btests?\b|pengujian|coverage|\be2e\b|unit test/i, "testing"],
  [/configuration|konfigurasi|\bconfig\b|\benv\b|environment/i, "configuration"],
  [/integrity|integritas|\bhash\b/i, "integrity"],
  [/implementation|implementasi|code quality|refactor|technical debt|tech debt/i, "implementation"],
  [/\bservices?\b|layanan|microservice/i, "services"],
];

/** The project category a heading or finding text points to, or null. */
export function categoryFromText(text: string): string | null {
  return categoryWords.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

const strengthHeading =
  /strengths?|kekuatan|temuan positif|positive findings?|what works well|what'?s working|working well|hal yang sudah baik|sudah baik|good practices?|highlights|genuinely good|what'?s good|yang baik|kelebihan|passed checks/i;

export const isStrengthHeading = (text: string) => strengthHeading.test(text);

const summaryHeading =
  /executive summary|ringkasan|kesimpulan|conclusion|penutup|daftar isi|table of contents|summary effort|effort summary|estimasi effort|\broi\b|appendix|lampiran|references?\b|referensi|closing|final answer|\bsummary\b/i;

/** Sections whose items repeat or summarise the report: they add no findings or items. */
export const isSummaryHeading = (text: string) => summaryHeading.test(text);
