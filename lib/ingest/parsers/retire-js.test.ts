import { describe, expect, it } from "vitest";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { retireJsParser } from "@/lib/ingest/parsers/retire-js";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import type { ScanFinding } from "@/lib/ingest/scan-types";

async function findingsOf(report: unknown): Promise<ScanFinding[]> {
  const out: ScanFinding[] = [];
  for await (const r of retireJsParser.parse(scanSourceFromBytes("r.json", JSON.stringify(report)))) if (r.type === "finding") out.push(r.finding);
  return out;
}

const jquery = (file: string) => ({ file, results: [{ component: "jquery", version: "1.12.4", vulnerabilities: [{ severity: "medium", below: "3.5.0", identifiers: { CVE: ["CVE-2020-11022"], summary: "XSS in htmlPrefilter" }, info: ["https://blog.jquery.com/2020/04/10/jquery-3-5-0-released/"] }] }] });

describe("retire.js", () => {
  it("has DefectDojo's 23 findings in latest.json: jQuery's CVE-2015-9251, listed under two issues, is one", async () => {
    const { detected, findings, tools } = await parseFixture(retireJsParser, "retirejs/latest.json");
    expect(detected).toBe(true);
    expect(tools).toEqual(["retire-js"]);
    expect(findings).toHaveLength(23);
    // In the file's order; DefectDojo's first three are all Medium in its own order, but the
    // second advisory here (handlebars' helperMissing) is rated low by retire.js itself.
    expect(findings.slice(0, 3).map((f) => f.severity)).toEqual(["medium", "low", "medium"]);
    expect(findings.filter((f) => f.severity === "medium")).toHaveLength(21);
    expect(findings.filter((f) => f.cve === "CVE-2015-9251").map((f) => f.installedVersion)).toEqual(["1.11.2", "1.11.1", "1.8.0"]);
  });

  it("maps a library, its version and the version it is fixed in", async () => {
    const { findings } = await parseFixture(retireJsParser, "retirejs/latest.json");
    expect(findings[3]).toMatchObject({
      ruleId: "CVE-2015-9251",
      packageName: "jquery",
      installedVersion: "1.11.2",
      fixedVersion: "1.12.0",
      locations: [{ file: "/home/damien/dd/.venv/report/scout2-report/inc-jquery/jquery-1.11.2.min.js", line: null }],
      title: "CVE-2015-9251 in jquery 1.11.2: 3rd party CORS request may execute",
    });
    // Retire knows some advisories only by their summary.
    expect(findings[2]).toMatchObject({ ruleId: "Prototype pollution", cve: null, title: "Prototype pollution in handlebars 3.0.0", fixedVersion: "4.5.3" });
  });

  it("makes one finding of one library version bundled in two files, and reads the old top-level array", async () => {
    const findings = await findingsOf([jquery("static/a/jquery.js"), jquery("static/b/jquery.min.js")]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.locations.map((l) => l.file)).toEqual(["static/a/jquery.js", "static/b/jquery.min.js"]);
  });

  it("keeps the fingerprint when the bundle moves", async () => {
    const [before] = await findingsOf({ version: "5.0.0", start: "", data: [jquery("static/a/jquery.js")], messages: [], errors: [], time: 1 });
    const [after] = await findingsOf({ version: "5.0.0", start: "", data: [jquery("public/js/jquery.js")], messages: [], errors: [], time: 1 });
    expect(after!.fingerprint).toBe(before!.fingerprint);
  });
});
