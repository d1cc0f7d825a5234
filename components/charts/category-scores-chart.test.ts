import { describe, expect, it } from "vitest";
import { categoriesHeight, categoryExtremes } from "@/components/charts/category-scores-chart";

const category = (key: string, score: number, assessed = true) => ({ key, name: key.toUpperCase(), score, open: 0, assessed });

describe("categoryExtremes", () => {
  it("finds the lowest and highest assessed category, ignoring the others", () => {
    const result = categoryExtremes([category("a", 70), category("b", 0, false), category("c", 35), category("d", 90)]);
    expect(result).toMatchObject({ assessed: 3, total: 4 });
    expect(result.lowest?.key).toBe("c");
    expect(result.highest?.key).toBe("d");
  });

  it("keeps the first category on a tie", () => {
    const result = categoryExtremes([category("a", 50), category("b", 50)]);
    expect([result.lowest?.key, result.highest?.key]).toEqual(["a", "a"]);
  });

  it("has no extremes when nothing is assessed", () => {
    expect(categoryExtremes([category("a", 0, false)])).toEqual({ assessed: 0, total: 1, lowest: undefined, highest: undefined });
  });
});

describe("categoriesHeight", () => {
  it("gives each category about 28 px, so 15 fit on a laptop screen", () => {
    expect(categoriesHeight(15)).toBeLessThan(500);
    expect(categoriesHeight(16) - categoriesHeight(15)).toBe(28);
  });
});
