import { describe, expect, it } from "vitest";
import en from "@/messages/en/charts.json";
import id from "@/messages/id/charts.json";

const keys = (tree: object, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === "object" ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe("charts catalog", () => {
  it("has every English message in Indonesian, and no extra ones", () => {
    expect(keys(id).sort()).toEqual(keys(en).sort());
  });

  it("names every maturity level, 0 to 5", () => {
    expect(Object.keys(en.charts.levels)).toEqual(["0", "1", "2", "3", "4", "5"]);
  });
});
