import { describe, expect, it } from "vitest";
import { createFindingSchema, findFindingsSchema, setFindingStatusSchema, updateFindingSchema } from "@/lib/findings/schema";

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("createFindingSchema", () => {
  it("reads a submitted form: empty fields are absent, the line is a number", () => {
    const parsed = createFindingSchema.parse({ title: "  Leak ", ref: "", severity: "high", kind: "", categoryId: "", file: "a.ts", line: "12" });
    expect(parsed).toEqual({ title: "Leak", severity: "high", file: "a.ts", line: 12 });
  });

  it("needs a title, a known severity, a positive whole line and a file for a line", () => {
    expect(issues(createFindingSchema.safeParse({ title: "", severity: "urgent", line: "2.5" }))).toMatchObject({
      title: "Give the finding a title.", severity: "Choose a severity.", line: "A whole number.",
    });
    expect(issues(createFindingSchema.safeParse({ title: "x", severity: "low", line: "3" }))).toEqual({ file: "A line number needs a file." });
  });
});

describe("updateFindingSchema", () => {
  it("leaves out what was not sent and clears what was sent empty", () => {
    expect(updateFindingSchema.parse({ severity: "low" })).toEqual({ severity: "low" });
    expect(updateFindingSchema.parse({ ref: "", recommendation: null, description: "", file: "", line: "" })).toEqual({
      ref: null, recommendation: null, description: "", file: null, line: null,
    });
  });
});

describe("setFindingStatusSchema", () => {
  it("accepts a risk only with a future expiry and a reason", () => {
    expect(issues(setFindingStatusSchema.safeParse({ status: "risk_accepted", riskAcceptedUntil: "", statusReason: " " }))).toEqual({
      riskAcceptedUntil: "Accepting a risk needs an expiry date.", statusReason: "Say why the risk is accepted.",
    });
    expect(issues(setFindingStatusSchema.safeParse({ status: "risk_accepted", riskAcceptedUntil: "2020-01-01", statusReason: "x" }))).toEqual({
      riskAcceptedUntil: "The expiry date must be in the future.",
    });
    expect(setFindingStatusSchema.parse({ status: "risk_accepted", riskAcceptedUntil: tomorrow, statusReason: "vendor" }).riskAcceptedUntil).toEqual(new Date(tomorrow));
  });

  it("lets other statuses carry a reason or none", () => {
    expect(setFindingStatusSchema.parse({ status: "false_positive", statusReason: "test fixture" })).toEqual({ status: "false_positive", statusReason: "test fixture" });
    expect(setFindingStatusSchema.parse({ status: "duplicate", statusReason: "", riskAcceptedUntil: "" })).toEqual({ status: "duplicate" });
  });
});

describe("findFindingsSchema", () => {
  it("defaults to the first 25 by severity and ignores the filter form's empty choices", () => {
    expect(findFindingsSchema.parse({ severity: "", q: "", status: "open" })).toEqual({ status: "open", sort: "severity", dir: "asc", page: 1, pageSize: 25 });
  });

  it("refuses more than 100 per page and unknown sort keys", () => {
    expect(Object.keys(issues(findFindingsSchema.safeParse({ pageSize: "101", sort: "colour", dir: "up" })))).toEqual(["sort", "dir", "pageSize"]);
  });
});
