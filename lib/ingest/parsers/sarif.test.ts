import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixturePath, parseFixture } from "@/lib/ingest/parsers/parse-fixture";
import { sarifParser } from "@/lib/ingest/parsers/sarif";
import { ScanShapeError, ScanSyntaxError } from "@/lib/ingest/scan-errors";
import { scanSourceFromBytes, scanSourceFromPath } from "@/lib/ingest/scan-source";
import type { ScanFinding, ScanRecord } from "@/lib/ingest/scan-types";
import { sniffScan } from "@/lib/ingest/sniff";

type Expected = { file: string; parser: string; expected_findings: number; severities_asserted: string[] };

const sarifFixtures = [
  "sarif/DefectDojo_django-DefectDojo__2020-12-11_13 42 10__export.sarif",
  "sarif/SuppressionTestCurrent.sarif",
  "sarif/appendix_k1.sarif",
  "sarif/appendix_k1_double.sarif",
  "sarif/appendix_k3.sarif",
  "sarif/cxf-3.4.6.sarif",
  "sarif/dependency_check.sarif",
  "sarif/dockle_0_3_15.sarif",
  "sarif/gitleaks_7.5.0.sarif",
  "sarif/issue_10191.json",
  "sarif/taint-python-report.sarif",
  // Snyk Code writes SARIF; DefectDojo files it under its Snyk parser.
  "snyk/snykcode_issue_9270.json",
];

async function expectedCount(file: string): Promise<number> {
  const expected = JSON.parse(await readFile(fixturePath("EXPECTED.json"), "utf8")) as Expected[];
  const entry = expected.find((e) => e.file === file);
  if (!entry) throw new Error(`${file} is not in EXPECTED.json`);
  return entry.expected_findings;
}

async function parseLog(log: unknown) {
  const source = scanSourceFromBytes("log.sarif", typeof log === "string" ? log : JSON.stringify(log));
  const records: ScanRecord[] = [];
  for await (const record of sarifParser.parse(source)) records.push(record);
  return {
    records,
    tools: records.flatMap((r) => (r.type === "tool" ? [r.name] : [])),
    findings: records.flatMap((r): ScanFinding[] => (r.type === "finding" ? [r.finding] : [])),
  };
}

/** A one-run log of `tool` with the given rules and results. */
const log = (results: unknown[], driver: Record<string, unknown> = {}, run: Record<string, unknown> = {}) => ({
  version: "2.1.0",
  runs: [{ tool: { driver: { name: "CodeScanner", ...driver } }, results, ...run }],
});

const at = (uri: string, startLine?: number, extra: Record<string, unknown> = {}) => ({
  physicalLocation: { artifactLocation: { uri, ...extra }, ...(startLine ? { region: { startLine } } : {}) },
});

describe("sarif: DefectDojo's fixtures", () => {
  it.each(sarifFixtures.filter((f) => !["sarif/appendix_k1_double.sarif", "sarif/SuppressionTestCurrent.sarif"].includes(f)))("%s has DefectDojo's count", async (file) => {
    const { detected, findings } = await parseFixture(sarifParser, file);
    expect(detected).toBe(true);
    expect(findings).toHaveLength(await expectedCount(file));
  });

  it("appendix_k1_double has no findings: DefectDojo's 2 counts its two runs (tests), not findings", async () => {
    expect(await expectedCount("sarif/appendix_k1_double.sarif")).toBe(2);
    const { findings, tools } = await parseFixture(sarifParser, "sarif/appendix_k1_double.sarif");
    expect(findings).toHaveLength(0);
    expect(tools).toEqual(["codescanner", "otherscanner"]);
  });

  it("SuppressionTestCurrent has 1 finding, not DefectDojo's 4: three results are suppressed", async () => {
    // DefectDojo imports suppressed results too. They carry a suppression without a status, which
    // SARIF counts as accepted: the team decided they are not problems, and GitHub and SARIF
    // viewers hide them. Counting them would hold readiness back for issues already dismissed.
    expect(await expectedCount("sarif/SuppressionTestCurrent.sarif")).toBe(4);
    const { findings } = await parseFixture(sarifParser, "sarif/SuppressionTestCurrent.sarif");
    expect(findings.map((f) => f.ruleId)).toEqual(["TST0004"]);
    expect(findings[0]).toMatchObject({ title: "Existing, originally suppressed result.", locations: [{ file: "C:/code/file4.c", line: null }], severity: "medium" });
  });

  it("names each run's tool from its driver, lower case", async () => {
    const tools = async (file: string) => (await parseFixture(sarifParser, file)).tools;
    expect(await tools("sarif/DefectDojo_django-DefectDojo__2020-12-11_13 42 10__export.sarif")).toEqual(["lgtm.com", "lgtm.com"]);
    expect(await tools("sarif/issue_10191.json")).toEqual(["semgrep"]);
    expect(await tools("snyk/snykcode_issue_9270.json")).toEqual(["snykcode"]);
    const { records } = await parseLog(await readFile(fixturePath("sarif/gitleaks_7.5.0.sarif"), "utf8"));
    expect(records[0]).toEqual({ type: "tool", name: "gitleaks", version: "v7.4.0" });
  });

  it("dependency-check: level error is high; CVE ids from the rule id", async () => {
    const { findings } = await parseFixture(sarifParser, "sarif/dependency_check.sarif");
    expect(findings.every((f) => f.severity === "high" && f.kind === "vulnerability" && f.category === "security")).toBe(true);
    expect(findings[6]).toMatchObject({
      ruleId: "CVE-2019-11358",
      cve: "CVE-2019-11358",
      aliases: ["CVE-2019-11358"],
      title: expect.stringMatching(/^CVE-2019-11358 - jQuery before 3\.4\.0, as used in Drupal/),
      // file:////src/… (four slashes) is an absolute path.
      locations: [{ file: "/src/.venv/lib/python3.9/site-packages/tastypie_swagger/static/tastypie_swagger/js/lib/jquery-1.8.0.min.js", line: null }],
    });
    // RetireJS's "name - name" is said once.
    expect(findings[1]!.title).toBe("Prototype pollution");
  });

  it("taint-python: level, CWE from the rule's cwe.mitre.org link, paths relative to the working directory", async () => {
    const { findings } = await parseFixture(sarifParser, "sarif/taint-python-report.sarif");
    expect(findings[6]).toMatchObject({ severity: "high", cwe: "CWE-91", kind: "vulnerability", ruleId: "taint-xmli" });
    // DefectDojo keeps file:///home/damien/dd/…; the invocation's working directory is the checkout.
    expect(findings[2]!.locations).toEqual([{ file: "dojo/tools/qualys_infrascan_webgui/parser.py", line: 169 }]);
    // The title drops the lines the message names, so it reads the same wherever the flow is.
    expect(findings[6]!.title).toBe("XML Injection (aka Blind XPath Injection): XML injection with user data from `filename in parser_helper.py` is used for parsing XML at `parser_helper.py`.");
    expect(findings[6]!.description).toContain("parser_helper.py:167");
  });

  it("dockle: a container-image misconfiguration; note is low where DefectDojo says Info", async () => {
    const { findings } = await parseFixture(sarifParser, "sarif/dockle_0_3_15.sarif");
    // DefectDojo asserts High, Info, Info, Info; SARIF's note is a real but minor problem, so low.
    expect(findings.map((f) => f.severity)).toEqual(["high", "low", "low", "low"]);
    expect(findings.map((f) => f.ruleId)).toEqual(["CIS-DI-0010", "CIS-DI-0005", "CIS-DI-0006", "CIS-DI-0008"]);
    expect(findings[0]).toMatchObject({
      kind: "misconfiguration",
      category: "deployment",
      title: expect.stringMatching(/^Do not store credential in ENVIRONMENT vars\/files: Suspicious ENV key found : DD_ADMIN_PASSWORD/),
      // Dockle's help is only a link.
      references: ["https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#CIS-DI-0010"],
      recommendation: null,
      locations: [],
    });
  });

  it("gitleaks: secrets at medium (no level means SARIF's warning), with snippet and line", async () => {
    const { findings } = await parseFixture(sarifParser, "sarif/gitleaks_7.5.0.sarif");
    expect(findings.slice(0, 3).map((f) => f.severity)).toEqual(["medium", "medium", "medium"]);
    expect(findings.every((f) => f.kind === "secret" && f.category === "security")).toBe(true);
    expect(findings[0]).toMatchObject({
      title: "AWS Access Key secret detected",
      locations: [{ file: "dojo/unittests/scans/gitlab_secret_detection_report/gitlab_secret_detection_report_1_vuln.json", line: 13 }],
      description: expect.stringContaining('"raw_source_code_extract": "AKIAIOSFODNN7EXAMPLE"'),
    });
    expect(findings[7]!.locations).toEqual([{ file: "dojo/unittests/tools/test_gitlab_secret_detection_report_parser.py", line: 37 }]);
  });

  it("grype: security-severity as CVSS, filed under the advisory with the package from the help text", async () => {
    const { findings } = await parseFixture(sarifParser, "sarif/cxf-3.4.6.sarif");
    expect(findings[0]!.severity).toBe("low"); // 2.1
    expect(findings[6]!.severity).toBe("high"); // 7.8
    expect(findings[13]!.severity).toBe("critical"); // 9.8
    expect(findings[0]).toMatchObject({
      ruleId: "CVE-2008-0732",
      cve: "CVE-2008-0732",
      title: "CVE-2008-0732 in geronimo-j2ee-management_1.1_spec 1.0.1",
      packageName: "geronimo-j2ee-management_1.1_spec",
      installedVersion: "1.0.1",
      fixedVersion: null,
      kind: "vulnerability",
      locations: [{ file: "lib/geronimo-j2ee-management_1.1_spec-1.0.1.jar", line: 1 }],
    });
    expect(findings[21]).toMatchObject({ ruleId: "GHSA-57j2-w4cx-62h2", cve: "GHSA-57j2-w4cx-62h2", packageName: "jackson-databind" });
    // One advisory in six packages: six findings, six fingerprints.
    expect(new Set(findings.slice(0, 6).map((f) => f.fingerprint)).size).toBe(6);
  });

  it("semgrep: security-severity written as a word, CWE from tags, its own fingerprint", async () => {
    const { findings } = await parseFixture(sarifParser, "sarif/issue_10191.json");
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    expect({ critical: count("critical"), high: count("high"), medium: count("medium"), low: count("low") }).toEqual({ critical: 34, high: 1, medium: 42, low: 0 });
    expect(findings.every((f) => f.kind === "vulnerability" && f.cwe?.startsWith("CWE-"))).toBe(true);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(77);
    expect(findings[0]!.title).toMatch(/^Improper limitation of a pathname to a restricted directory \('Path Traversal'\): The application dynamically constructs file or path information\.$/);
  });

  it("snyk code: levels, CWE from properties.cwe, Snyk's flow links kept out of the title", async () => {
    const { findings } = await parseFixture(sarifParser, "snyk/snykcode_issue_9270.json");
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    expect({ high: count("high"), medium: count("medium"), low: count("low") }).toEqual({ high: 12, medium: 24, low: 3 });
    expect(findings[0]).toMatchObject({
      tool: "snykcode",
      ruleId: "javascript/XSS",
      cwe: "CWE-79",
      kind: "vulnerability",
      title: "Cross-site Scripting (XSS): Unsanitized input from data from a remote resource flows into bypassSecurityTrustHtml, where it is used to render an HTML page returned to the user.",
      locations: [{ file: "frontend/src/app/score-board/score-board.component.ts", line: 216 }],
      recommendation: expect.stringContaining("## Details"),
    });
  });

  it("CodeQL (LGTM): quality rules stay quality despite their CWE tags; security-tagged rules are vulnerabilities", async () => {
    const { findings } = await parseFixture(sarifParser, "sarif/DefectDojo_django-DefectDojo__2020-12-11_13 42 10__export.sarif");
    const unused = findings.find((f) => f.ruleId === "com.lgtm/python-queries:py/unused-local-variable")!;
    expect(unused).toMatchObject({ kind: "quality", category: "implementation", cwe: "CWE-563", severity: "low" });
    const link = findings.find((f) => f.ruleId === "com.lgtm/javascript-queries:js/unsafe-external-link")!;
    expect(link).toMatchObject({ kind: "vulnerability", category: "security", cwe: "CWE-200", severity: "medium" });
    expect(findings[0]).toMatchObject({ locations: [{ file: "dojo/static/dojo/js/index.js", line: 220 }], title: "Unused variable, import, function or class: Unused variable p4." });
    // An empty defaultConfiguration means SARIF's default level, warning.
    expect(findings.find((f) => f.ruleId?.endsWith("js/missing-variable-declaration"))!.severity).toBe("medium");
    expect(findings.find((f) => f.ruleId?.endsWith("py/unused-loop-variable"))!.severity).toBe("high");
  });
});

describe("sarif: rules, messages and severity", () => {
  it("finds the rule by ruleIndex, rule.index, rule.id, an extension's toolComponent, or a hierarchical id", async () => {
    const rules = [
      { id: "R0", shortDescription: { text: "Rule zero" } },
      { id: "R1", shortDescription: { text: "Rule one" } },
    ];
    const extension = { name: "pack", rules: [{ id: "X0", shortDescription: { text: "Extension rule" }, defaultConfiguration: { level: "error" } }] };
    const results = [
      { ruleIndex: 1, message: { text: "alpha" } },
      { rule: { index: 0 }, message: { text: "bravo" } },
      { rule: { id: "R1" }, message: { text: "charlie" } },
      { ruleId: "X0", rule: { index: 0, toolComponent: { index: 0 } }, message: { text: "delta" } },
      { ruleId: "X0", message: { text: "echo" } },
      { ruleId: "R0/sub", message: { text: "foxtrot" } },
    ];
    const { findings } = await parseLog({ version: "2.1.0", runs: [{ tool: { driver: { name: "CodeQL", rules }, extensions: [extension] }, results }] });
    expect(findings.map((f) => f.title)).toEqual(["Rule one: alpha", "Rule zero: bravo", "Rule one: charlie", "Extension rule: delta", "Extension rule: echo", "Rule zero: foxtrot"]);
    expect(findings.map((f) => f.ruleId)).toEqual(["R1", "R0", "R1", "X0", "X0", "R0/sub"]);
    expect(findings[3]!.severity).toBe("high");
  });

  it("resolves message.id through the rule's messageStrings and fills {0}, {1}", async () => {
    const rules = [{ id: "R", messageStrings: { default: { text: "Variable {0} is unused in {1}." } }, fullDescription: { text: "Unused variables clutter code." } }];
    const results = [
      { ruleId: "R", message: { id: "default", arguments: ["count", "main"] } },
      { ruleId: "R", message: { text: "Call to {0}.", arguments: ["eval"] } },
      { ruleId: "R" },
    ];
    const { findings } = await parseLog(log(results, { rules }));
    expect(findings[0]).toMatchObject({ title: "Variable count is unused in main.", description: "Variable count is unused in main.\n\nUnused variables clutter code." });
    expect(findings[1]!.title).toBe("Call to eval.");
    // No message at all: the rule's description stands in.
    expect(findings[2]!.title).toBe("Unused variables clutter code.");
  });

  it("takes security-severity first (result, then rule), then the level (result, then rule), then warning", async () => {
    const rules = [
      { id: "scored", properties: { "security-severity": "9.1" }, defaultConfiguration: { level: "note" } },
      { id: "leveled", defaultConfiguration: { level: "error" } },
      { id: "plain" },
    ];
    const results = [
      { ruleId: "scored", level: "note", message: { text: "1" } },
      { ruleId: "leveled", message: { text: "2" } },
      { ruleId: "leveled", level: "note", message: { text: "3" } },
      { ruleId: "plain", message: { text: "4" } },
      { ruleId: "plain", level: "none", message: { text: "5" } },
      { ruleId: "plain", properties: { "security-severity": 4.2 }, level: "error", message: { text: "6" } },
      { ruleId: "unknown", kind: "review", message: { text: "7" } },
      { ruleId: "plain", properties: { "security-severity": "not a number" }, message: { text: "8" } },
    ];
    const { findings } = await parseLog(log(results, { rules }));
    expect(findings.map((f) => f.severity)).toEqual(["critical", "high", "low", "medium", "info", "medium", "info", "medium"]);
  });

  it("tells secrets, misconfigurations, vulnerabilities and code quality apart", async () => {
    const kindOf = async (driver: Record<string, unknown>, rule: Record<string, unknown> = {}) => {
      const { findings } = await parseLog(log([{ ruleId: rule.id ?? "R", message: { text: "m" } }], { ...driver, rules: [{ id: "R", ...rule }] }));
      return `${findings[0]!.kind}/${findings[0]!.category}`;
    };
    expect(await kindOf({ name: "TruffleHog" })).toBe("secret/security");
    expect(await kindOf({ name: "Trivy" }, { properties: { tags: ["secret", "security", "HIGH"] } })).toBe("secret/security");
    expect(await kindOf({ name: "Checkov" })).toBe("misconfiguration/configuration");
    expect(await kindOf({ name: "Trivy" }, { properties: { tags: ["misconfiguration", "security"], "security-severity": "7.0" } })).toBe("misconfiguration/configuration");
    expect(await kindOf({ name: "Hadolint" })).toBe("misconfiguration/deployment");
    expect(await kindOf({ name: "Trivy" }, { id: "CVE-2022-0778", properties: { tags: ["vulnerability", "security"] } })).toBe("vulnerability/security");
    expect(await kindOf({ name: "CodeQL" }, { properties: { tags: ["security", "external/cwe/cwe-079"] } })).toBe("vulnerability/security");
    expect(await kindOf({ name: "Flawfinder" }, { properties: { cwe: "CWE-120" } })).toBe("vulnerability/security");
    expect(await kindOf({ name: "ESLint" }, { properties: { tags: ["style"] } })).toBe("quality/implementation");
    expect(await kindOf({ name: "ESLint" })).toBe("quality/implementation");
  });

  it("reads CWE from tags, properties.cwe, taxonomy relationships and taxa; CVE and GHSA from rule and message", async () => {
    const rules = [
      { id: "a", properties: { tags: ["security", "external/cwe/cwe-079"] } },
      { id: "b", properties: { cwe: ["CWE-89: SQL injection"] } },
      { id: "c", relationships: [{ target: { id: "352", toolComponent: { name: "CWE" } }, kinds: ["superset"] }] },
      { id: "d", name: "GHSA-57j2-w4cx-62h2 in jackson" },
    ];
    const results = [
      { ruleId: "a", message: { text: "XSS" } },
      { ruleId: "b", message: { text: "SQLi" } },
      { ruleId: "c", message: { text: "CSRF" } },
      { ruleId: "d", message: { text: "Also known as CVE-2020-36518." } },
      { ruleId: "e", message: { text: "Path traversal" }, taxa: [{ id: "22", toolComponent: { name: "CWE" } }] },
    ];
    const { findings } = await parseLog(log(results, { rules }));
    expect(findings.map((f) => f.cwe)).toEqual(["CWE-79", "CWE-89", "CWE-352", null, "CWE-22"]);
    expect(findings[3]).toMatchObject({ cve: "CVE-2020-36518", aliases: ["CVE-2020-36518", "GHSA-57j2-w4cx-62h2"], ruleId: "d" });
  });

  it("reads Trivy's package facts from the rule's help and the result's message", async () => {
    const rules = [{ id: "CVE-2022-0778", shortDescription: { text: "openssl: infinite loop in BN_mod_sqrt()" }, help: { text: "Vulnerability CVE-2022-0778\nSeverity: HIGH\nPackage: libssl1.1\nFixed Version: 1.1.1n-0+deb10u1\nLink: x" }, properties: { "security-severity": "7.5", tags: ["vulnerability"] } }];
    const results = [{ ruleId: "CVE-2022-0778", ruleIndex: 0, message: { text: "Package: libssl1.1\nInstalled Version: 1.1.1d-0+deb10u7\nVulnerability CVE-2022-0778\nSeverity: HIGH\nFixed Version: 1.1.1n-0+deb10u1" }, locations: [at("library/python:3.9 (debian 10.11)")] }];
    const { findings } = await parseLog(log(results, { name: "Trivy", rules }));
    expect(findings[0]).toMatchObject({
      title: "CVE-2022-0778 in libssl1.1 1.1.1d-0+deb10u7: openssl: infinite loop in BN_mod_sqrt()",
      packageName: "libssl1.1",
      installedVersion: "1.1.1d-0+deb10u7",
      fixedVersion: "1.1.1n-0+deb10u1",
      recommendation: "Upgrade libssl1.1 to 1.1.1n-0+deb10u1.",
      severity: "high",
    });
  });
});

describe("sarif: locations", () => {
  it("resolves artifact indexes and URI bases, decodes percent escapes, keeps paths repository-relative", async () => {
    const run = {
      originalUriBaseIds: { REPO: { uri: "file:///home/runner/work/app/" }, SRC: { uri: "src/", uriBaseId: "REPO" } },
      artifacts: [{ location: { uri: "lib/a%20b.ts", uriBaseId: "SRC" } }],
    };
    const results = [
      { ruleId: "r", message: { text: "1" }, locations: [{ physicalLocation: { artifactLocation: { index: 0 }, region: { startLine: 7 } } }] },
      { ruleId: "r", message: { text: "2" }, locations: [at("main.ts", 3, { uriBaseId: "SRC" })] },
      { ruleId: "r", message: { text: "3" }, locations: [at("file:///home/runner/work/app/src/x.ts", 1)] },
      { ruleId: "r", message: { text: "4" }, locations: [at("file:///C:/code/y.c", 2), at("file:///C:/code/y.c", 2), at("..\\win\\z.c")] },
      { ruleId: "r", message: { text: "5" }, locations: [at("./rel/w.py", 0)] },
    ];
    const { findings } = await parseLog(log(results, {}, run));
    expect(findings.map((f) => f.locations)).toEqual([
      [{ file: "src/lib/a b.ts", line: 7 }],
      [{ file: "src/main.ts", line: 3 }],
      [{ file: "src/x.ts", line: 1 }],
      [
        { file: "C:/code/y.c", line: 2 },
        { file: "../win/z.c", line: null },
      ],
      [{ file: "rel/w.py", line: null }],
    ]);
  });
});

describe("sarif: what is left out", () => {
  it("leaves out accepted suppressions and results gone since the baseline; keeps those under review or rejected", async () => {
    const result = (text: string, extra: Record<string, unknown>) => ({ ruleId: "r", message: { text }, ...extra });
    const results = [
      result("open", {}),
      result("accepted", { suppressions: [{ kind: "inSource", status: "accepted" }] }),
      result("no status", { suppressions: [{ kind: "external" }] }),
      result("under review", { suppressions: [{ kind: "external", status: "underReview" }] }),
      result("rejected", { suppressions: [{ kind: "external", status: "accepted" }, { kind: "external", status: "rejected" }] }),
      result("fixed", { baselineState: "absent" }),
      result("unchanged", { baselineState: "unchanged" }),
      result("passed", { kind: "pass" }),
      result("not applicable", { kind: "notApplicable" }),
    ];
    const { findings } = await parseLog(log(results));
    expect(findings.map((f) => f.title)).toEqual(["open", "under review", "rejected", "unchanged"]);
  });
});

describe("sarif: fingerprints", () => {
  it("uses the tool's fingerprints, whatever order their keys come in, then partialFingerprints", async () => {
    const results = [
      { ruleId: "r", message: { text: "a" }, fingerprints: { "b/v1": "2", "a/v1": "1" }, locations: [at("x.ts", 4)] },
      { ruleId: "r", message: { text: "b" }, fingerprints: { "a/v1": "1", "b/v1": "2" }, locations: [at("y.ts", 9)] },
      { ruleId: "r", message: { text: "c" }, partialFingerprints: { primaryLocationLineHash: "5a98dafd76d3d9c1:1" }, locations: [at("x.ts", 4)] },
    ];
    const { findings } = await parseLog(log(results));
    expect(findings[0]!.fingerprint).toBe(findings[1]!.fingerprint);
    expect(findings[2]!.fingerprint).not.toBe(findings[0]!.fingerprint);
  });

  it("keeps a finding's fingerprint when the code above it moves", async () => {
    const prints: string[] = [];
    for (const line of [26, 40]) {
      const result = { ruleId: "py/unused", message: { text: `Variable x at line ${line} is unused.` }, locations: [{ physicalLocation: { artifactLocation: { uri: "app/views.py" }, region: { startLine: line, snippet: { text: "    x = compute()\n" } } } }] };
      const { findings } = await parseLog(log([result]));
      prints.push(findings[0]!.fingerprint);
    }
    expect(prints[0]).toBe(prints[1]);
    const elsewhere = await parseLog(log([{ ruleId: "py/unused", message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "app/models.py" }, region: { startLine: 26, snippet: { text: "    x = compute()\n" } } } }] }]));
    expect(elsewhere.findings[0]!.fingerprint).not.toBe(prints[0]);
  });
});

/** A fixture and a position in it (a byte, or a value's path), spread over the whole fixture. */
const positionIn = (items: readonly { length: number }[]) => fc.nat({ max: items.length - 1 }).chain((which) => fc.tuple(fc.constant(which), fc.nat({ max: items[which]!.length - 1 })));

describe("sarif: malformed logs", () => {
  it("refuses a run without tool.driver, naming where", async () => {
    await expect(parseLog({ version: "2.1.0", runs: [{ tool: {}, results: [] }] })).rejects.toMatchObject({ name: "ScanShapeError", where: "runs.0.tool" });
    await expect(parseLog({ version: "2.1.0", runs: [{ results: [{ ruleId: "r" }] }] })).rejects.toMatchObject({ name: "ScanShapeError", where: "runs.0.tool" });
    await expect(parseLog({ version: "2.1.0", runs: [{ tool: { driver: { name: "A" } } }, { results: [] }] })).rejects.toMatchObject({ name: "ScanShapeError", where: "runs.1.tool" });
    await expect(parseLog({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).rejects.toMatchObject({ where: "runs.0.tool.driver.name" });
  });

  it("refuses SARIF 1.x clearly and accepts a log without a version", async () => {
    const v1 = { version: "1.0.0", $schema: "http://json.schemastore.org/sarif-1.0.0", runs: [{ tool: { name: "Old" }, results: [] }] };
    await expect(parseLog(v1)).rejects.toThrow(new ScanShapeError("SARIF version 1.0.0 is not supported; export the log as SARIF 2.1.0", "version"));
    expect(sarifParser.detect(await sniffScan(scanSourceFromBytes("v1.sarif", JSON.stringify(v1))))).toBe(true);
    const { tools, findings } = await parseLog({ runs: [{ tool: { driver: { name: "NoVersion" } }, results: [{ message: { text: "m" } }] }] });
    expect(tools).toEqual(["noversion"]);
    expect(findings).toHaveLength(1);
  });

  it("refuses what is not a SARIF log's shape", async () => {
    await expect(parseLog({ version: "2.1.0" })).rejects.toMatchObject({ name: "ScanShapeError", where: "runs" });
    await expect(parseLog({ version: "2.1.0", runs: { a: { tool: { driver: { name: "A" } } } } })).rejects.toMatchObject({ name: "ScanShapeError", where: "runs" });
    await expect(parseLog(log([42]))).rejects.toMatchObject({ name: "ScanShapeError", where: "runs.0.results.0" });
    await expect(parseLog(log({ a: {} } as unknown as unknown[]))).rejects.toMatchObject({ name: "ScanShapeError", where: "runs.0.results" });
    await expect(parseLog('{"version": "2.1.0", "runs": [')).rejects.toBeInstanceOf(ScanSyntaxError);
  });

  it("survives wrong types anywhere: nulls, numbers for strings, objects for arrays", async () => {
    const strange = {
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "X", rules: [null, 3, { id: 5, properties: { tags: "security", cwe: {} }, defaultConfiguration: { level: 2 }, help: "text", relationships: {} }], globalMessageStrings: [] }, extensions: {} },
          originalUriBaseIds: { A: null, B: { uri: 7 } },
          artifacts: { 0: {} },
          results: [
            { ruleIndex: 0, message: null, locations: {} },
            { ruleIndex: 99, rule: { toolComponent: { index: 5 } }, message: { id: 3, arguments: "x" }, locations: [null, { physicalLocation: { artifactLocation: { index: 4, uriBaseId: "A" }, region: { startLine: "3" } } }] },
            { ruleId: ["x"], level: {}, suppressions: "all", fingerprints: [], partialFingerprints: { a: 1 }, properties: null },
          ],
        },
      ],
    };
    const { findings } = await parseLog(strange);
    expect(findings).toHaveLength(3);
    expect(findings.every((f) => f.severity === "medium" && typeof f.title === "string" && f.title.length > 0)).toBe(true);
  });

  it("fails damaged fixtures only with ScanSyntaxError or ScanShapeError", async () => {
    const logs = await Promise.all(sarifFixtures.map((file) => readFile(fixturePath(file))));
    const outcome = async (bytes: Uint8Array) => {
      try {
        for await (const record of sarifParser.parse(scanSourceFromBytes("damaged.sarif", bytes))) void record;
        return "parsed";
      } catch (error) {
        if (error instanceof ScanSyntaxError || error instanceof ScanShapeError) return "refused";
        throw error;
      }
    };
    await fc.assert(
      fc.asyncProperty(positionIn(logs), fc.boolean(), fc.integer({ min: 0, max: 255 }), async ([which, cut], truncate, byte) => {
        const bytes = Uint8Array.from(logs[which]!);
        if (!truncate) bytes[cut] = byte;
        expect(["parsed", "refused"]).toContain(await outcome(truncate ? bytes.subarray(0, cut) : bytes));
      }),
      { numRuns: 100 },
    );
  });

  it("fails fixtures with any value swapped for another only with ScanShapeError", async () => {
    const small = await Promise.all(sarifFixtures.slice(1).map(async (file) => JSON.parse(await readFile(fixturePath(file), "utf8")) as unknown));
    const pathsOf = (value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) => {
      out.push(prefix);
      if (typeof value === "object" && value !== null) for (const [key, child] of Object.entries(value)) pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key], out);
      return out;
    };
    const paths = small.map((value) => pathsOf(value));
    await fc.assert(
      fc.asyncProperty(positionIn(paths), fc.jsonValue({ maxDepth: 2 }), async ([which, index], replacement) => {
        const chosen = paths[which]![index]!;
        const copy = structuredClone(small[which]) as Record<string | number, unknown>;
        let parent: Record<string | number, unknown> = copy;
        for (const segment of chosen.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
        const damaged = chosen.length ? (((parent[chosen.at(-1)!] = replacement), copy)) : replacement;
        try {
          await parseLog(JSON.stringify(damaged) ?? "null");
        } catch (error) {
          expect(error).toBeInstanceOf(ScanShapeError);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("sarif: detect", () => {
  async function allFixtures(dir = fixturePath("")): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const files = await Promise.all(entries.map((e) => (e.isDirectory() ? allFixtures(path.join(dir, e.name)) : [path.join(dir, e.name)])));
    return files.flat().filter((f) => !["README.md", "EXPECTED.json"].includes(path.basename(f)));
  }

  it("is true exactly for the SARIF fixtures among all fixtures", async () => {
    const files = await allFixtures();
    expect(files.length).toBeGreaterThan(90);
    const detected: string[] = [];
    for (const file of files) if (sarifParser.detect(await sniffScan(await scanSourceFromPath(file)))) detected.push(path.relative(fixturePath(""), file).split(path.sep).join("/"));
    expect(detected.sort()).toEqual([...sarifFixtures].sort());
  });

  it("is false for Markdown, empty and random text, and JSON that only has runs", async () => {
    for (const text of ["# Readme\n\nSARIF runs here.", "", "x1 y2 z3 runs tool driver", '{"runs": [{"duration": 3}]}', '[{"runs": []}]']) {
      expect(sarifParser.detect(await sniffScan(scanSourceFromBytes("x.txt", text)))).toBe(false);
    }
  });
});

/** A big CodeQL-like log: `results` results over `files` files and `rules` rules, written in pieces. */
async function writeBigLog(file: string, results: number, files = 5000, rules = 300): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once("drain", () => resolve())));
  const ruleList = Array.from({ length: rules }, (_, i) => ({
    id: `js/rule-${i}`,
    shortDescription: { text: `Problem number ${i}` },
    fullDescription: { text: `A longer description of problem ${i}. `.repeat(5) },
    help: { text: `How to fix problem ${i}.`, markdown: `# Problem ${i}\n\nFix it like this.`.repeat(3) },
    defaultConfiguration: { level: ["error", "warning", "note"][i % 3] },
    properties: { tags: i % 2 ? ["security", `external/cwe/cwe-${i}`] : ["maintainability"], ...(i % 2 ? { "security-severity": String((i % 100) / 10) } : {}) },
  }));
  await write(`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"CodeQL","version":"2.15.0","rules":${JSON.stringify(ruleList)}}},`);
  await write(`"originalUriBaseIds":{"%SRCROOT%":{"uri":"file:///home/runner/work/app/app/"}},"artifacts":[`);
  for (let f = 0; f < files; f++) await write(`${f ? "," : ""}{"location":{"uri":"src/module${f % 50}/file${f}.ts","uriBaseId":"%SRCROOT%","index":${f}}}`);
  await write(`],"results":[`);
  let batch = "";
  for (let r = 0; r < results; r++) {
    const f = r % files;
    const artifactLocation = { uri: `src/module${f % 50}/file${f}.ts`, uriBaseId: "%SRCROOT%", index: f };
    const result = {
      ruleId: `js/rule-${r % rules}`,
      ruleIndex: r % rules,
      message: { text: `This value flows from [user input](1) to a dangerous sink in call number ${r}.` },
      locations: [{ physicalLocation: { artifactLocation, region: { startLine: (r % 900) + 1, startColumn: 5, endColumn: 40, snippet: { text: `  const value = dangerous(input${r % 17});` } } } }],
      relatedLocations: [{ id: 1, physicalLocation: { artifactLocation, region: { startLine: 3 } }, message: { text: "user input" } }],
      partialFingerprints: { primaryLocationLineHash: `${r.toString(16).padStart(8, "0")}a1b2c3d4:1`, primaryLocationStartColumnFingerprint: "4" },
      ...(r % 4 ? {} : { codeFlows: [{ threadFlows: [{ locations: [1, 2, 3].map((n) => ({ location: { physicalLocation: { artifactLocation, region: { startLine: n * 10 } }, message: { text: `step ${n}` } } })) }] }] }),
    };
    batch += (r ? "," : "") + JSON.stringify(result);
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = "";
    }
  }
  await write(`${batch}]}]}`);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

describe("sarif: a big log", () => {
  // The benchmark (100,000 results, ~80 MB, a few seconds) uses this generator at that size; here
  // a tenth of it guards against per-result work creeping up (a rule derived per result, a scan of
  // earlier results).
  const size = 10_000;

  it(`streams ${size} results over 5,000 files and 300 rules`, { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sarif-"));
    try {
      const file = path.join(dir, "big.sarif");
      await writeBigLog(file, size);
      let findings = 0;
      let last: ScanFinding | null = null;
      for await (const record of sarifParser.parse(await scanSourceFromPath(file))) {
        if (record.type !== "finding") continue;
        findings++;
        last = record.finding;
      }
      expect(findings).toBe(size);
      expect(last).toMatchObject({ tool: "codeql", locations: [{ file: expect.stringMatching(/^src\/module\d+\/file\d+\.ts$/), line: expect.any(Number) }] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
