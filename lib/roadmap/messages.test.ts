import { describe, expect, it } from "vitest";
import en from "@/messages/en/board.json";
import id from "@/messages/id/board.json";

const keys = (tree: object, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === "object" ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`]));

describe("board catalog", () => {
  it("has every English message in Indonesian, and no extra ones", () => {
    expect(keys(id).sort()).toEqual(keys(en).sort());
  });
});
