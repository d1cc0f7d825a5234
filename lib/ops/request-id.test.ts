import { describe, expect, it } from "vitest";
import { requestIdFor } from "@/lib/ops/request-id";

describe("requestIdFor", () => {
  it("keeps a caller's sane id", () => expect(requestIdFor("build-42_a")).toBe("build-42_a"));
  it("replaces ids that could forge log lines or are too long", () => {
    for (const bad of ["a\nlevel=error", "x".repeat(101), "<script>", "", null]) {
      expect(requestIdFor(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
