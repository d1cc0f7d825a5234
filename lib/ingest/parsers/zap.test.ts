import { describe, expect, it } from "vitest";
import { parseText, severityCounts } from "@/lib/ingest/parsers/code-scan-testing";
import { parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { zapParser } from "@/lib/ingest/parsers/zap";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";

const jsonAlert = (more: Record<string, unknown> = {}) => ({
  pluginid: "40012",
  alertRef: "40012",
  alert: "Cross Site Scripting (Reflected)",
  name: "Cross Site Scripting (Reflected)",
  riskcode: "3",
  confidence: "2",
  riskdesc: "High (Medium)",
  desc: "<p>Cross-site Scripting (XSS) is an attack technique.</p>",
  instances: [{ uri: "https://shop.example/search?q=x", method: "GET", param: "q", attack: "<script>", evidence: "<script>" }],
  count: "1",
  solution: "<p>Encode output.</p>",
  reference: "<p>https://owasp.org/www-community/attacks/xss/</p><p>https://cwe.mitre.org/data/definitions/79.html</p>",
  cweid: "79",
  wascid: "8",
  ...more,
});
const jsonReport = (alerts: unknown[]) => JSON.stringify({ "@programName": "ZAP", "@version": "2.14.0", "@generated": "Mon, 1 Jan 2024", site: [{ "@name": "https://shop.example", "@host": "shop.example", "@port": "443", "@ssl": "true", alerts }] });

describe("zap", () => {
  it.each([
    ["zap/empty_2.9.0.xml", 0],
    ["zap/0_zap_sample.xml", 4],
    ["zap/2_zap_sample_0_and_new_endpoint.xml", 4],
    ["zap/5_zap_sample_one.xml", 2],
    ["zap/zap-results-first-scan.xml", 15],
    ["zap/zap-xml-plus-format.xml", 1],
  ])("%s has DefectDojo's %i findings", async (file, count) => {
    const { detected, findings, tools } = await parseFixture(zapParser, file);
    expect(detected).toBe(true);
    expect(tools).toEqual(["zap"]);
    expect(findings).toHaveLength(count);
  });

  it("maps riskcode 3…0 to high…info", async () => {
    const { findings } = await parseFixture(zapParser, "zap/zap-results-first-scan.xml");
    expect(findings[0]!.severity).toBe("info");
    expect(findings.find((f) => f.title === "SQL Injection")!.severity).toBe("high");
    expect(severityCounts(findings)).toEqual({ high: 4, medium: 3, low: 4, info: 4 });
    const plus = await parseFixture(zapParser, "zap/zap-xml-plus-format.xml");
    expect(plus.findings[0]!.severity).toBe("medium");
  });

  it("turns an alert's instances into locations and its HTML into text", async () => {
    const { findings, tools } = await parseFixture(zapParser, "zap/5_zap_sample_one.xml");
    expect(tools).toEqual(["zap"]);
    expect(findings[0]).toMatchObject({
      tool: "zap",
      ruleId: "10011",
      title: "zap1: Cookie Without Secure Flag",
      kind: "vulnerability",
      category: "security",
      cwe: "CWE-614",
      locations: [
        { file: "https://mainsite.com/dashboard", line: null },
        { file: "https://mainsite.com", line: null },
      ],
      references: ["http://www.owasp.org/index.php/Testing_for_cookies_attributes_(OWASP-SM-002)"],
    });
    const first = await parseFixture(zapParser, "zap/zap-results-first-scan.xml");
    expect(first.findings[0]!.description).toMatch(/^This check looks at user-supplied input/);
    expect(first.findings[0]!.description).not.toContain("<p>");
  });

  it("splits references ZAP ran together", async () => {
    const { findings } = await parseFixture(zapParser, "zap/0_zap_sample.xml");
    expect(findings[2]!.references).toEqual(["http://www.w3.org/TR/CSP2/", "http://www.w3.org/TR/CSP/", "http://caniuse.com/#search=content+security+policy", "http://content-security-policy.com/", "https://github.com/shapesecurity/salvation"]);
  });

  it("keeps an alert's fingerprint when ZAP finds it on other URLs", async () => {
    const before = await parseFixture(zapParser, "zap/0_zap_sample.xml");
    const after = await parseFixture(zapParser, "zap/2_zap_sample_0_and_new_endpoint.xml");
    expect(after.findings.map((f) => f.fingerprint)).toEqual(before.findings.map((f) => f.fingerprint));
    expect(after.findings[0]!.locations.map((l) => l.file)).toContain("https://othersite.com");
  });

  it("reads the JSON report the same way", async () => {
    const { detected, findings, records } = await parseText(zapParser, jsonReport([jsonAlert(), jsonAlert({ alertRef: "10020-1", pluginid: "10020", alert: "Missing Anti-clickjacking Header", riskcode: "2", cweid: "1021" })]));
    expect(detected).toBe(true);
    expect(records[0]).toEqual({ type: "tool", name: "zap", version: "2.14.0" });
    expect(findings.map((f) => [f.ruleId, f.severity, f.cwe])).toEqual([
      ["40012", "high", "CWE-79"],
      ["10020-1", "medium", "CWE-1021"],
    ]);
    expect(findings[0]).toMatchObject({ recommendation: "Encode output.", references: ["https://owasp.org/www-community/attacks/xss/", "https://cwe.mitre.org/data/definitions/79.html"], locations: [{ file: "https://shop.example/search?q=x", line: null }] });
  });

  it("leaves out alerts a user marked as false positives", async () => {
    const { findings } = await parseText(zapParser, jsonReport([jsonAlert({ confidence: "0" }), jsonAlert({ alert: "Other" })]));
    expect(findings.map((f) => f.title)).toEqual(["Other"]);
  });

  it("refuses XML that is not a ZAP report, and a DOCTYPE", async () => {
    await expect(parseText(zapParser, "<report><site><alerts><alertitem/></alerts></site></report>", "r.xml")).rejects.toBeInstanceOf(ScanShapeError);
    await expect(parseText(zapParser, '<!DOCTYPE x [<!ENTITY a "b">]><OWASPZAPReport/>', "r.xml")).rejects.toBeInstanceOf(ScanSyntaxError);
  });
});
