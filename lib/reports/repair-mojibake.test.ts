import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "@/lib/reports/repair-mojibake";

const seed = (name: string) => readFileSync(`lib/seed/reports/${name}`, "utf8");

describe("repairMojibake", () => {
  it.each([["000_6b8ad34f52a79d74.txt"], ["001_04bf99f8f6852cab.txt"], ["002_dd5bbc5571d6b528.txt"]])("repairs seed %s", (name) => {
    const original = seed(name);
    const { text, repaired } = repairMojibake(original);
    expect(repaired).toBe(true);
    expect(text).not.toMatch(/â€|ðŸ|âœ/);
    expect(text.length).toBeLessThan(original.length);
  });

  it("turns the seeds' dashes, emoji and box lines back into what was written", () => {
    const { text } = repairMojibake(seed("002_dd5bbc5571d6b528.txt"));
    expect(text).toContain("# GoApps Infrastructure — Deep Analysis Report");
    expect(text).toContain("**Severity**: 🔴 CRITICAL");
    expect(text).toContain("### Sprint 2 — High Priority (1-2 minggu) 🟠");
    expect(repairMojibake(seed("000_6b8ad34f52a79d74.txt")).text).toContain("✅ **6 Kategori Existing:**");
  });

  it("leaves correctly encoded text alone", () => {
    const original = readFileSync("tests/fixtures/reports/11-ytgui-executive-summary.md", "utf8");
    expect(repairMojibake(original)).toEqual({ text: original, repaired: false });
    const prose = "Café, naïve, São Paulo — 🔴 kritis, 95 °C, × 3, Ünïcödé";
    expect(repairMojibake(prose)).toEqual({ text: prose, repaired: false });
  });

  it("fixes mojibake next to a correct dash without touching the correct one", () => {
    expect(repairMojibake("A — B â€” C")).toEqual({ text: "A — B — C", repaired: true });
  });
});
