import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cliActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { importScan } from "@/lib/ingest/import-scan";
import { fakeSecret } from "@/lib/ingest/parsers/code-scan-testing";
import { scanSourceFromBytes, scanSourceFromPath } from "@/lib/ingest/scan-source";
import { makeProject } from "@/tests/support/fixtures";

type BanditResult = { test_id: string; file: string; line: number; code: string; severity?: string };

/** A bandit report as the tool writes it, with just the results a test needs. */
function banditFile(results: BanditResult[]): string {
  return JSON.stringify({
    errors: [],
    generated_at: "2026-11-30T10:00:00Z",
    metrics: { _totals: { loc: 100 } },
    results: results.map((r) => ({
      test_id: r.test_id, test_name: "rule", issue_text: `Issue ${r.test_id}`, issue_severity: r.severity ?? "MEDIUM", issue_confidence: "HIGH",
      filename: r.file, line_number: r.line, code: `${r.line} ${r.code}\n`, more_info: "https://bandit.readthedocs.io/",
    })),
  });
}

const a: BanditResult = { test_id: "B105", file: "app/settings.py", line: 10, code: `password = "${fakeSecret("", 12)}"` };
const b: BanditResult = { test_id: "B110", file: "app/views.py", line: 20, code: "except: pass" };
const c: BanditResult = { test_id: "B602", file: "app/run.py", line: 5, code: "subprocess.call(cmd, shell=True)" };

async function upload(projectId: string, text: string, options: Record<string, unknown> = {}) {
  const sha256 = createHash("sha256").update(text).digest("hex");
  return importScan(cliActor, projectId, { source: scanSourceFromBytes("bandit.json", text), sha256, options });
}

const statuses = async (projectId: string) =>
  Object.fromEntries((await getDb().finding.findMany({ where: { projectId }, select: { ruleId: true, status: true } })).map((f) => [f.ruleId, f.status]));

describe("scan import", () => {
  it("creates findings with their source, location and the scan's counts", async () => {
    const project = await makeProject();
    const summary = await upload(project.id, banditFile([a, b]));
    expect(summary).toMatchObject({ tool: "bandit", format: "bandit", findings: 2, created: 2, reopened: 0, unchanged: 0, closed: 0 });
    const findings = await getDb().finding.findMany({ where: { projectId: project.id }, include: { locations: true, sources: true, category: true }, orderBy: { ruleId: "asc" } });
    expect(findings.map((f) => [f.ruleId, f.severity, f.status, f.source, f.category?.key, f.locations[0]?.file, f.locations[0]?.line])).toEqual([
      ["B105", "medium", "open", "bandit", "security", "app/settings.py", 10],
      ["B110", "medium", "open", "bandit", "security", "app/views.py", 20],
    ]);
    expect(findings[0]!.sources).toMatchObject([{ tool: "bandit", branch: "", present: true, firstScanId: summary.scanId }]);
    const scan = await getDb().scan.findUniqueOrThrow({ where: { id: summary.scanId } });
    expect(scan).toMatchObject({ tool: "bandit", findingCount: 2, createdCount: 2, closedCount: 0, fileName: "bandit.json" });
  });

  it("changes nothing when the same scan comes again, even after the code moved", async () => {
    const project = await makeProject();
    await upload(project.id, banditFile([a, b]));
    const again = await upload(project.id, banditFile([{ ...a, line: 14 }, { ...b, line: 31 }]));
    expect(again).toMatchObject({ created: 0, reopened: 0, unchanged: 2, closed: 0 });
    expect(await getDb().finding.count({ where: { projectId: project.id } })).toBe(2);
  });

  it("resolves what a newer scan of the same tool no longer reports, and reopens it when it returns", async () => {
    const project = await makeProject();
    await upload(project.id, banditFile([a, b]));
    const fixed = await upload(project.id, banditFile([a, c]));
    expect(fixed).toMatchObject({ created: 1, unchanged: 1, closed: 1 });
    expect(await statuses(project.id)).toEqual({ B105: "open", B110: "resolved", B602: "open" });
    const gone = await getDb().finding.findFirstOrThrow({ where: { projectId: project.id, ruleId: "B110" }, include: { events: true } });
    expect(gone.statusReason).toBe("Fixed per scan");
    expect(gone.events.find((e) => e.field === "status")).toMatchObject({ fromValue: "open", toValue: "resolved", scanId: fixed.scanId });

    const back = await upload(project.id, banditFile([a, b, c]));
    expect(back).toMatchObject({ created: 0, reopened: 1, unchanged: 2, closed: 0 });
    const reopened = await getDb().finding.findFirstOrThrow({ where: { projectId: project.id, ruleId: "B110" }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(reopened).toMatchObject({ status: "open", resolvedAt: null });
    expect(reopened.events.at(-1)).toMatchObject({ field: "status", fromValue: "resolved", toValue: "open", scanId: back.scanId });
  });

  it("keeps findings open when the upload says not to close missing ones", async () => {
    const project = await makeProject();
    await upload(project.id, banditFile([a, b]));
    const partial = await upload(project.id, banditFile([a]), { closeMissing: "false" });
    expect(partial.closed).toBe(0);
    expect(await statuses(project.id)).toEqual({ B105: "open", B110: "open" });
  });

  it("never undoes risk accepted or false positive, and never reopens them", async () => {
    const project = await makeProject();
    await upload(project.id, banditFile([a, b]));
    const [fa, fb] = await Promise.all(["B105", "B110"].map((ruleId) => getDb().finding.findFirstOrThrow({ where: { projectId: project.id, ruleId } })));
    await setFindingStatus(cliActor, project.id, fa!.id, { status: "risk_accepted", statusReason: "Test fixture only", riskAcceptedUntil: "2027-06-30" });
    await setFindingStatus(cliActor, project.id, fb!.id, { status: "false_positive", statusReason: "Not reachable" });
    await upload(project.id, banditFile([a]));
    await upload(project.id, banditFile([a, b]));
    expect(await statuses(project.id)).toEqual({ B105: "risk_accepted", B110: "false_positive" });
  });

  it("keeps branches apart: a scan of one branch closes nothing another branch still has", async () => {
    const project = await makeProject();
    await upload(project.id, banditFile([a, b]), { branch: "main" });
    const feature = await upload(project.id, banditFile([a]), { branch: "feature/x" });
    expect(feature).toMatchObject({ created: 0, unchanged: 1, closed: 0 });
    expect(await statuses(project.id)).toEqual({ B105: "open", B110: "open" });
    const main = await upload(project.id, banditFile([a]), { branch: "main" });
    expect(main.closed).toBe(1);
  });

  it("takes a new severity from the tool unless a person set it", async () => {
    const project = await makeProject();
    await upload(project.id, banditFile([a]));
    const raised = await upload(project.id, banditFile([{ ...a, severity: "HIGH" }]));
    expect(raised.unchanged).toBe(1);
    const finding = await getDb().finding.findFirstOrThrow({ where: { projectId: project.id }, include: { events: true } });
    expect(finding.severity).toBe("high");
    expect(finding.events.find((e) => e.field === "severity")).toMatchObject({ fromValue: "medium", toValue: "high", scanId: raised.scanId });
  });

  it("writes nothing when the file breaks halfway, and says where", async () => {
    const project = await makeProject();
    const text = banditFile([a, b, c]);
    const broken = text.slice(0, text.lastIndexOf("{")) + '{"test_id": "B1",, }]}';
    await expect(upload(project.id, broken)).rejects.toMatchObject({ code: "unprocessable", message: expect.stringMatching(/bandit\.json could not be read as Bandit JSON\. Line 1, column \d+/) });
    expect(await getDb().finding.count({ where: { projectId: project.id } })).toBe(0);
    expect(await getDb().scan.count({ where: { projectId: project.id } })).toBe(0);
  });

  it("refuses content no parser recognises with the list of formats", async () => {
    const project = await makeProject();
    await expect(upload(project.id, "# A readiness report\n\nNot a scan.")).rejects.toMatchObject({ code: "unsupported_format", message: expect.stringContaining("Bandit JSON") });
  });

  it("creates each finding once when the same file is uploaded twice at the same moment", async () => {
    const project = await makeProject();
    const text = banditFile([a, b, c]);
    const results = await Promise.all([upload(project.id, text), upload(project.id, text)]);
    expect(results.map((r) => r.created).sort()).toEqual([0, 3]);
    expect(await getDb().finding.count({ where: { projectId: project.id } })).toBe(3);
  });

  it("files the same CVE in the same package from two tools as one finding with two sources", async () => {
    const project = await makeProject();
    // Trivy's real report names curl 7.81.0 with CVE-2023-46218; Grype's real report, its one
    // match turned into the same package and advisory, is the second tool seeing it.
    const trivy = readFileSync("tests/fixtures/scans/trivy/severity_prio.json", "utf8");
    const grype = JSON.parse(readFileSync("tests/fixtures/scans/anchore_grype/fix_available.json", "utf8"));
    Object.assign(grype.matches[0].vulnerability, { id: "CVE-2023-46218", severity: "Medium" });
    Object.assign(grype.matches[0].artifact, { name: "curl", version: "7.81.0-1ubuntu1.14", type: "deb", purl: "pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.14", cpes: [] });
    const sha = (t: string) => createHash("sha256").update(t).digest("hex");
    const first = await importScan(cliActor, project.id, { source: scanSourceFromBytes("trivy.json", trivy), sha256: sha(trivy) });
    const second = await importScan(cliActor, project.id, { source: scanSourceFromBytes("grype.json", JSON.stringify(grype)), sha256: sha("g") });
    expect(first.created).toBe(2);
    expect(second).toMatchObject({ tool: "grype", created: 0, unchanged: 1 });
    const curl = await getDb().finding.findFirstOrThrow({ where: { projectId: project.id, cve: "CVE-2023-46218" }, include: { sources: true, locations: true } });
    expect(curl.sources.map((s) => s.tool).sort()).toEqual(["grype", "trivy"]);
    expect(curl.locations.map((l) => l.file)).toContain("/opt/java/openjdk/bin/java");
    expect(await getDb().finding.count({ where: { projectId: project.id } })).toBe(2);

    // Trivy no longer reports it, Grype still does: it stays open.
    const cleanTrivy = JSON.parse(trivy);
    for (const result of cleanTrivy.Results) result.Vulnerabilities = (result.Vulnerabilities ?? []).filter((v: { VulnerabilityID: string }) => v.VulnerabilityID !== "CVE-2023-46218");
    const third = await importScan(cliActor, project.id, { source: scanSourceFromBytes("trivy.json", JSON.stringify(cleanTrivy)), sha256: sha("t2") });
    expect(third.closed).toBe(0);
    expect((await getDb().finding.findUniqueOrThrow({ where: { id: curl.id } })).status).toBe("open");
  });

  it("stores a real Grype report whose version holds a NUL character", async () => {
    const project = await makeProject();
    const summary = await importScan(cliActor, project.id, { source: await scanSourceFromPath("tests/fixtures/scans/anchore_grype/fix_available.json"), sha256: "1".repeat(64) });
    expect(summary.created).toBe(1);
    expect((await getDb().finding.findFirstOrThrow({ where: { projectId: project.id } })).installedVersion).toBe("17.0.10+7-J-ms8m");
  });

  it("reads a real bandit report of 165 findings", async () => {
    const project = await makeProject();
    const source = await scanSourceFromPath("tests/fixtures/scans/bandit/dd2.json");
    const summary = await importScan(cliActor, project.id, { source, sha256: "0".repeat(64) });
    expect(summary).toMatchObject({ findings: 165, created: 165 });
    expect(await getDb().findingLocation.count({ where: { finding: { projectId: project.id } } })).toBe(165);
  });
});
