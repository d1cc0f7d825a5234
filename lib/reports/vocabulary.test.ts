import { describe, expect, it } from "vitest";
import { categoryFromText, isStrengthHeading, isSummaryHeading, severityFromText } from "@/lib/reports/vocabulary";

describe("severityFromText", () => {
  it.each([
    ["**Severity**: 🔴 CRITICAL", "critical"],
    ["4. Temuan Kritis — Harus Segera Diperbaiki", "critical"],
    ["5. Temuan High — Prioritas Tinggi", "high"],
    ["6. Temuan Medium — Prioritas Menengah", "medium"],
    ["7. Temuan Low & Inkonsistensi", "low"],
    ["2.1 Security (🆕 KATEGORI BARU - CRITICAL)", "critical"],
    ["🔴 KERENTANAN KRITIS (PRIORITAS TINGGI)", "critical"],
    ["⚠️ KERENTANAN MEDIUM (PRIORITAS SEDANG)", "medium"],
    ["2. 🔴 HIGH — ~22% of the test suite is broken", "high"],
    ["🟠 SEGERA (Reliability)", "high"],
    ["🟢 Low Priority (Low Severity)", "low"],
    ["P0", "critical"],
    ["HIGH-CRITICAL", "high"],
    ["Informational", "info"],
  ])("%s → %s", (text, severity) => {
    expect(severityFromText(text)).toBe(severity);
  });

  it.each([
    ["3.1.1 High Availability Gaps"],
    ["Phase 1: Quick Wins (This Session) — High ROI, Low Effort"],
    ["Highlight the lowest-cost fix"],
    ["Sedangkan layanan lain berjalan"],
    ["More information in the appendix"],
    ["Implementation Roadmap"],
  ])("%s states no severity", (text) => {
    expect(severityFromText(text)).toBeNull();
  });
});

describe("categoryFromText", () => {
  it.each([
    ["2.1 **Security** (🆕 KATEGORI BARU - CRITICAL)", "security"],
    ["3.1 Business Continuity (🆕 KATEGORI BARU - HIGH)", "business_continuity"],
    ["3.2 Developer Experience (🆕 KATEGORI BARU - MEDIUM)", "developer_experience"],
    ["3.3 API & Integration (🆕 KATEGORI BARU - HIGH)", "api_integration"],
    ["3.4 Data Governance (🆕 KATEGORI BARU - HIGH)", "data_governance"],
    ["2.2 Performance", "performance"],
    ["Kinerja dan latensi", "performance"],
    ["Logging & Aggregation Gaps", "observability"],
    ["Infrastructure as Code Gaps", "deployment"],
    ["Keamanan", "security"],
    ["Single Point of Failure — PostgreSQL Tanpa HA", "business_continuity"],
    ["Dokumentasi pembuatan runbook", "documentation"],
  ])("%s → %s", (text, key) => {
    expect(categoryFromText(text)).toBe(key);
  });

  it("returns null when nothing matches", () => {
    expect(categoryFromText("RabbitMQ Tanpa Clustering")).toBeNull();
  });
});

describe("section kinds", () => {
  it.each([["3. Temuan Positif (Kekuatan)"], ["Strengths"], ["What's Genuinely Good (don't lose this in the rewrite)"], ["✅ PRAKTIK KEAMANAN YANG BAIK"]])(
    "%s lists strengths",
    (text) => expect(isStrengthHeading(text)).toBe(true),
  );
  it.each([["1. Executive Summary"], ["Ringkasan Eksekutif"], ["7. Kesimpulan & Rekomendasi"], ["Penutup"], ["Summary Effort Total"], ["ROI Tertinggi (Impact / Effort Ratio)"], ["Daftar Isi"]])(
    "%s only summarises",
    (text) => expect(isSummaryHeading(text)).toBe(true),
  );
  it.each([["4. Temuan Kritis — Harus Segera Diperbaiki"], ["Sprint 1 — Immediate (< 1 minggu)"]])("%s is neither", (text) => {
    expect(isStrengthHeading(text)).toBe(false);
    expect(isSummaryHeading(text)).toBe(false);
  });
});
