import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { cliActor, userActor } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { createFinding } from "@/lib/findings/create-finding";
import { findFindings } from "@/lib/findings/find-findings";
import { setFindingStatus } from "@/lib/findings/set-finding-status";
import { importScan } from "@/lib/ingest/import-scan";
import { scanSourceFromBytes } from "@/lib/ingest/scan-source";
import { importReport } from "@/lib/reports/import-report";
import { parseReport } from "@/lib/reports/parse-report";
import { readReportText } from "@/lib/reports/read-report-text";
import type { ParsedReport } from "@/lib/reports/schema";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { makeProject, makeUser } from "@/tests/support/fixtures";
import { signInAs } from "@/tests/support/session";
import * as csvRoute from "@/app/api/v1/projects/[slug]/findings.csv/route";
import * as reportRoute from "@/app/api/v1/projects/[slug]/report.md/route";

vi.mock("next-auth", async (importOriginal) => {
  const { sessionFor } = await import("@/tests/support/session");
  return { ...(await importOriginal<typeof import("next-auth")>()), getServerSession: sessionFor };
});

type Project = Awaited<ReturnType<typeof makeProject>>;
let viewer: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  viewer = await makeUser("viewer");
});

const seeds = ["000_6b8ad34f52a79d74.txt", "001_04bf99f8f6852cab.txt", "002_dd5bbc5571d6b528.txt", "003_010c5633cdc2941b.txt", "004_479f8bec1b2050ea.txt"];
const seedReport = (name: string) => parseReport(readReportText(readFileSync(`lib/seed/reports/${name}`), name));
/** The exported file read as an upload of it is read: bytes → text → report. */
const readBack = (markdown: string) => parseReport(readReportText(Buffer.from(markdown, "utf8"), "readiness.md"));
const zero = { findings: 0, strengths: 0, sprints: 0, items: 0, categories: 0, gateCriteria: 0, metrics: 0 };
const run = (projectId: string, report: unknown, fileName: string) => importReport(cliActor, projectId, { report, fileName, sha256: "ab".repeat(32) });
const ctx = (p: Project) => ({ params: Promise.resolve({ slug: p.slug }) });
const get = (route: typeof csvRoute | typeof reportRoute, p: Project, path: string, headers: Record<string, string> = {}) =>
  route.GET(new NextRequest(`http://localhost/api/v1/projects/${p.slug}/${path}`, { headers }), ctx(p));

async function exportReport(p: Project): Promise<string> {
  signInAs(viewer);
  const response = await get(reportRoute, p, "report.md");
  expect(response.status).toBe(200);
  return response.text();
}

/** What the project holds, read straight from the database in the importer's terms. */
async function projectHolds(projectId: string) {
  const db = getDb();
  const findings = await db.finding.findMany({ where: { projectId, status: { in: ["open", "in_progress"] } }, include: { category: true, locations: { orderBy: { id: "asc" } } } });
  const sprints = await db.sprint.findMany({
    where: { projectId },
    orderBy: { position: "asc" },
    include: { items: { orderBy: [{ position: "asc" }, { id: "asc" }], include: { findings: { include: { finding: true } } } } },
  });
  return {
    findings: findings.map((f) => ({
      ref: f.ref, title: f.title, description: f.description, recommendation: f.recommendation, severity: f.severity, severityInferred: f.severityInferred,
      kind: f.kind, category: f.category?.key ?? null, locations: f.locations.map(({ file, line }) => ({ file, line })),
    })),
    sprints: sprints.filter((s) => s.items.length).map((s) => ({
      name: s.name, window: s.window,
      items: s.items.map((i) => ({
        title: i.title, status: i.status === "done" ? "done" : "todo", files: i.files, refs: i.findings.map((l) => l.finding.ref!).sort(),
        effort: i.effortMinutes === null ? null : { text: i.effortText, minutes: i.effortMinutes, minutesHigh: i.effortMinutesHigh },
      })),
    })),
    strengths: await db.strength.findMany({ where: { projectId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { title: true, detail: true } }),
    gateCriteria: await db.gateCriterion.findMany({ where: { projectId, enabled: true }, orderBy: { createdAt: "asc" }, select: { key: true, threshold: true, label: true } }),
    metrics: await db.metric.findMany({ where: { projectId }, orderBy: { key: "asc" }, select: { key: true, value: true, unit: true } }),
  };
}

const byKey = <T extends { ref: string | null; title: string }>(rows: T[]) => [...rows].sort((a, b) => (a.ref ?? a.title).localeCompare(b.ref ?? b.title));
const asRead = (report: ParsedReport) => ({
  findings: byKey(report.findings),
  sprints: report.sprints.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, refs: i.refs.map((r) => r.toUpperCase()).sort() })) })),
  strengths: report.strengths,
  gateCriteria: report.gateCriteria,
  metrics: report.metrics.map(({ key, value, unit }) => ({ key, value, unit })).sort((a, b) => a.key.localeCompare(b.key)),
});

/** Every row an import writes, lastSeenAt left out (an import marks findings seen again). */
const rows = async (projectId: string) => {
  const db = getDb();
  return Promise.all([
    db.finding.findMany({ where: { projectId }, orderBy: { id: "asc" }, include: { locations: true, events: true, roadmapItems: true }, omit: { lastSeenAt: true } }),
    db.sprint.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    db.roadmapItem.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    db.strength.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    db.gateCriterion.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    db.metric.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    db.category.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
  ]);
};

describe("GET /api/v1/projects/:slug/report.md", () => {
  it.each(seeds)("reads back what the project holds after importing seed %s, and importing it again changes nothing", async (name) => {
    const project = await makeProject();
    await run(project.id, seedReport(name), name);
    const markdown = await exportReport(project);
    const held = await projectHolds(project.id);
    expect(asRead(readBack(markdown))).toEqual({ ...held, findings: byKey(held.findings) });

    const before = await rows(project.id);
    const again = await run(project.id, readBack(markdown), `${project.slug}-readiness.md`);
    expect([again.added, again.updated, again.missing]).toEqual([zero, zero, []]);
    expect(await rows(project.id)).toEqual(before);
  });

  it("keeps what people did in the app: closed findings go to an appendix, statuses stay, a re-import changes nothing", async () => {
    const project = await makeProject();
    await run(project.id, seedReport("002_dd5bbc5571d6b528.txt"), "002.md");
    const db = getDb();
    const [crit, high] = await Promise.all(["CRIT-01", "HIGH-01"].map((ref) => db.finding.findFirstOrThrow({ where: { projectId: project.id, ref } })));
    await setFindingStatus(cliActor, project.id, crit!.id, { status: "resolved" });
    await setFindingStatus(cliActor, project.id, high!.id, { status: "in_progress" });
    const [revoke, jaeger] = await db.roadmapItem.findMany({ where: { projectId: project.id }, orderBy: [{ sprint: { position: "asc" } }, { position: "asc" }], take: 2 });
    await db.roadmapItem.update({ where: { id: revoke!.id }, data: { status: "done", doneAt: new Date() } });
    await db.roadmapItem.update({ where: { id: jaeger!.id }, data: { status: "doing" } });

    const markdown = await exportReport(project);
    const read = readBack(markdown);
    expect(read.findings.map((f) => f.ref)).not.toContain("CRIT-01");
    expect(read.findings.map((f) => f.ref)).toContain("HIGH-01");
    expect(markdown).toMatch(/\| CRIT-01 \| Git Config Mengandung GitHub Access Token Plaintext \| critical \| Resolved \| \d{4}-\d\d-\d\d \|/);
    // The importer has todo and done only: "doing" is read as todo, and an import keeps the app's status.
    expect(read.sprints[0]!.items.slice(0, 2).map((i) => i.status)).toEqual(["done", "todo"]);

    const again = await run(project.id, read, "readiness.md");
    expect([again.added, again.updated, again.missing]).toEqual([zero, zero, []]);
    expect(await db.finding.findUniqueOrThrow({ where: { id: crit!.id } })).toMatchObject({ status: "resolved" });
    expect(await db.roadmapItem.findMany({ where: { id: { in: [revoke!.id, jaeger!.id] } }, orderBy: { position: "asc" } })).toMatchObject([{ status: "done" }, { status: "doing" }]);
  });

  it("cannot hand back what the importer does not key: a finding made in the app, an item moved to another sprint", async () => {
    const project = await makeProject();
    await run(project.id, seedReport("002_dd5bbc5571d6b528.txt"), "002.md");
    const lead = await makeUser("lead");
    await createFinding(userActor(lead), project.id, { title: "Admin panel without MFA", severity: "high" });
    const sprints = await getDb().sprint.findMany({ where: { projectId: project.id }, orderBy: { position: "asc" } });
    const [sprint1, sprint4] = [sprints[0]!, sprints[3]!];
    const moved = await getDb().roadmapItem.findFirstOrThrow({ where: { sprintId: sprint1.id } });
    await getDb().roadmapItem.update({ where: { id: moved.id }, data: { sprintId: sprint4.id } });

    const read = readBack(await exportReport(project));
    expect(read.findings.map((f) => f.title)).toContain("Admin panel without MFA");
    const again = await run(project.id, read, "readiness.md");
    // Report findings are keyed "report:" + ref or title; one made in the app has another
    // fingerprint, so the import adds it. An item is keyed by the sprint its report listed it
    // under, and the export lists it under the sprint it is in now, so it is added there, and the
    // original is listed as missing (and left alone).
    expect(again.added).toEqual({ ...zero, findings: 1, items: 1 });
    expect(again.missing).toEqual([{ type: "item", id: moved.id, ref: null, title: moved.title }]);
  });

  it("is read with a session or the project's token, with a Markdown attachment's headers", async () => {
    const [project, other] = await Promise.all([makeProject({ name: "Shop" }), makeProject()]);
    signInAs(null);
    expect((await get(reportRoute, project, "report.md")).status).toBe(401);
    const { token } = await createApiToken(cliActor, project.id, { name: "CI" });
    const response = await get(reportRoute, project, "report.md", { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${project.slug}-readiness.md"`);
    expect(await response.text()).toMatch(/^# Shop — readiness report\n/);
    expect((await get(reportRoute, other, "report.md", { authorization: `Bearer ${token}` })).status).toBe(404);
  });
});

/** The body as the client receives it: the chunks, and the CSV records (split at CRLF outside quotes). */
async function readBody(response: Response) {
  const chunks: string[] = [];
  const reader = response.body!.getReader();
  // A decoder drops the BOM unless told to keep it (as Excel does, reading it as the encoding).
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let firstByte: number | undefined;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    firstByte ??= next.value[0];
    chunks.push(decoder.decode(next.value, { stream: true }));
  }
  const text = chunks.join("");
  return { chunks, text, firstByte, records: text.split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/).filter(Boolean) };
}

describe("GET /api/v1/projects/:slug/findings.csv", () => {
  let project: Project;
  beforeAll(async () => {
    project = await makeProject();
    await run(project.id, seedReport("002_dd5bbc5571d6b528.txt"), "002.md");
    const bandit = JSON.stringify({
      errors: [], generated_at: "2026-11-30T10:00:00Z", metrics: {},
      results: [{ test_id: "B105", test_name: "hardcoded_password_string", issue_text: "=cmd|' /C calc'!A0", issue_severity: "LOW", issue_confidence: "HIGH", filename: "app/settings.py", line_number: 10, code: "10 x\n" }],
    });
    await importScan(cliActor, project.id, { source: scanSourceFromBytes("bandit.json", bandit), sha256: "c".repeat(64) });
  });

  it("streams every finding as CSV with a BOM, the header and CRLF records, as an attachment", async () => {
    signInAs(viewer);
    const response = await get(csvRoute, project, "findings.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${project.slug}-findings.csv"`);
    const { text, records, firstByte } = await readBody(response);
    expect(firstByte).toBe(0xef);
    expect(text.startsWith("\uFEFFref,title,severity,status,kind,category,source,locations,")).toBe(true);
    expect(records).toHaveLength(1 + 43 + 1);
    expect(records.find((r) => r.startsWith("CRIT-01,"))).toMatch(/^CRIT-01,Git Config Mengandung GitHub Access Token Plaintext,critical,open,gap,Security,report,\.git\/config,/);
    // The scanner's text would run as a formula in a spreadsheet; the tool names the source.
    expect(records.find((r) => r.includes("bandit"))).toMatch(/,bandit,app\/settings\.py:10,.*"'=cmd\|' \/C calc'!A0/);
  });

  it.each(["severity=high", "kind=inconsistency", "kind=missing&severity=medium", "q=PgBouncer", "q=100%25", "source=bandit", "category=security&status=open&sort=title&page=3"])(
    "filters like the findings list: %s",
    async (query) => {
      signInAs(viewer);
      const { total } = await findFindings(project.id, Object.fromEntries(new URLSearchParams(query)));
      const { records } = await readBody(await get(csvRoute, project, `findings.csv?${query}`));
      expect(records.length - 1).toBe(total);
    },
  );

  it("finds what the filters name (not only as many)", async () => {
    signInAs(viewer);
    const { records } = await readBody(await get(csvRoute, project, "findings.csv?kind=inconsistency&severity=low"));
    expect(records.slice(1).map((r) => r.split(",")[0]).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `INC-${String(i + 1).padStart(2, "0")}`));
  });

  it("answers a bad filter with a 400 before streaming, and a caller without access as the API does", async () => {
    signInAs(viewer);
    const bad = await get(csvRoute, project, "findings.csv?severity=urgent");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "invalid", fields: { severity: ["Choose a severity."] } });
    signInAs(null);
    expect((await get(csvRoute, project, "findings.csv")).status).toBe(401);
    const { token } = await createApiToken(cliActor, project.id, { name: "CI" });
    expect((await get(csvRoute, project, "findings.csv", { authorization: `Bearer ${token}` })).status).toBe(200);
    const other = await makeProject();
    expect((await get(csvRoute, other, "findings.csv", { authorization: `Bearer ${token}` })).status).toBe(404);
  });

  it("reads a large project in pages of 2,000, one chunk per page", async () => {
    const large = await makeProject();
    const findings = Array.from({ length: 4_500 }, (_, i) => ({ projectId: large.id, title: `Gap, "${i}"`, ref: `M-${i}`, severity: "low" as const, fingerprint: `f${i}` }));
    await getDb().finding.createMany({ data: findings });
    signInAs(viewer);
    const { chunks, records } = await readBody(await get(csvRoute, large, "findings.csv"));
    // The header, then pages of 2,000, 2,000 and 500.
    expect(chunks.map((c) => c.split("\r\n").length - 1)).toEqual([1, 2000, 2000, 500]);
    expect(new Set(records.slice(1).map((r) => r.split(",")[0])).size).toBe(4_500);
  });
});
