import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { FindingGroup } from "@/lib/ingest/group-scan-findings";

// One batch of a scan's findings into the database: a handful of statements whatever the
// batch size (arrays through unnest), so 100,000 findings cost tens of round trips, not
// hundreds of thousands.

export type ScanContext = {
  tx: Tx;
  projectId: string;
  scanId: string;
  tool: string;
  branch: string;
  now: Date;
  actorId: string | null;
  /** Category key → id for this project. */
  categories: Map<string, string>;
  fileName: string;
};

export type BatchCounts = { created: number; reopened: number; unchanged: number };

type ExistingFinding = { id: string; fingerprint: string; status: string; severity: string; title: string; handSeverity: boolean };

/** Scan events carry this note so a person's edits (note null) can be told apart. */
export const SCAN_NOTE_PREFIX = "scan:";

/**
 * Text as PostgreSQL can store it, cut to `max`: a NUL character (Grype has reported versions
 * with one) cannot be stored in a text column and would fail the whole scan.
 */
function clip(text: string | null, max: number): string | null {
  if (!text) return text;
  const clean = text.includes("\u0000") ? text.replace(/\u0000/g, "") : text;
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export async function writeScanBatch(ctx: ScanContext, groups: FindingGroup[]): Promise<BatchCounts> {
  if (!groups.length) return { created: 0, reopened: 0, unchanged: 0 };
  const { tx, projectId } = ctx;
  const existing = await tx.$queryRaw<ExistingFinding[]>`
    select f.id, f.fingerprint, f.status::text as status, f.severity::text as severity, f.title, f."severityPinned" as "handSeverity"
    from "Finding" f
    where f."projectId" = ${projectId} and f.fingerprint = any(${groups.map((g) => g.key)}::text[])`;
  const byKey = new Map(existing.map((f) => [f.fingerprint, f]));

  const fresh = groups.filter((g) => !byKey.has(g.key));
  const freshIds = new Map(fresh.map((g) => [g.key, randomUUID()]));
  await insertFindings(ctx, fresh, freshIds);

  const findingIdOf = (g: FindingGroup) => byKey.get(g.key)?.id ?? freshIds.get(g.key)!;
  const sourceRows = groups.flatMap((g) => g.fingerprints.map((fingerprint) => ({ findingId: findingIdOf(g), fingerprint, ruleId: g.finding.ruleId, group: g })));
  // Sightings this tool (and branch) already had are marked seen by this scan; the rest are new.
  const seenAgain = await markSourcesSeen(ctx, sourceRows.map((s) => s.fingerprint));
  const newSources = sourceRows.filter((s) => !seenAgain.has(s.fingerprint));
  await insertSources(ctx, newSources);

  // Locations come with a sighting: a new finding's, or a second tool's view of a known one.
  const withNewSighting = new Set(newSources.map((s) => s.group));
  await insertLocations(ctx, [...withNewSighting].map((g) => ({ findingId: findingIdOf(g), group: g, isNew: freshIds.has(g.key) })));

  const known = groups.filter((g) => byKey.has(g.key));
  const reopened = await refreshKnownFindings(ctx, known, byKey);
  return { created: fresh.length, reopened, unchanged: known.length - reopened };
}

async function insertFindings(ctx: ScanContext, groups: FindingGroup[], ids: Map<string, string>) {
  if (!groups.length) return;
  const f = groups.map((g) => g.finding);
  await ctx.tx.$executeRaw`
    insert into "Finding" (id, "projectId", ref, title, description, recommendation, severity, kind, status, "categoryId", source, fingerprint,
      "ruleId", cwe, cve, "packageName", "installedVersion", "fixedVersion", "firstSeenAt", "lastSeenAt", "createdAt", "updatedAt")
    select v.id, ${ctx.projectId}, v.ref, v.title, v.description, v.recommendation, v.severity::"Severity", v.kind::"FindingKind", 'open', v.category,
      ${ctx.tool}, v.fingerprint, v.rule, v.cwe, v.cve, v.package, v.installed, v.fixed, ${ctx.now}, ${ctx.now}, ${ctx.now}, ${ctx.now}
    from unnest(${groups.map((g) => ids.get(g.key)!)}::text[], ${f.map((x) => clip(x.cve ?? x.ruleId, 120))}::text[], ${f.map((x) => clip(x.title, 500))}::text[],
      ${f.map((x) => clip(x.description, 20_000) ?? "")}::text[], ${f.map((x) => clip(x.recommendation, 20_000))}::text[], ${f.map((x) => x.severity)}::text[],
      ${f.map((x) => x.kind)}::text[], ${f.map((x) => ctx.categories.get(x.category) ?? null)}::text[], ${groups.map((g) => g.key)}::text[],
      ${f.map((x) => clip(x.ruleId, 300))}::text[], ${f.map((x) => clip(x.cwe, 40))}::text[], ${f.map((x) => clip(x.cve, 120))}::text[], ${f.map((x) => clip(x.packageName, 300))}::text[],
      ${f.map((x) => clip(x.installedVersion, 120))}::text[], ${f.map((x) => clip(x.fixedVersion, 120))}::text[])
      as v(id, ref, title, description, recommendation, severity, kind, category, fingerprint, rule, cwe, cve, package, installed, fixed)`;
}

async function insertSources(ctx: ScanContext, rows: { findingId: string; fingerprint: string; ruleId: string | null }[]) {
  if (!rows.length) return;
  await ctx.tx.$executeRaw`
    insert into "FindingSource" ("projectId", "findingId", tool, branch, fingerprint, "ruleId", present, "firstScanId", "lastScanId", "firstSeenAt", "lastSeenAt")
    select ${ctx.projectId}, v.finding, ${ctx.tool}, ${ctx.branch}, v.fingerprint, v.rule, true, ${ctx.scanId}, ${ctx.scanId}, ${ctx.now}, ${ctx.now}
    from unnest(${rows.map((r) => r.findingId)}::text[], ${rows.map((r) => r.fingerprint)}::text[], ${rows.map((r) => clip(r.ruleId, 300))}::text[]) as v(finding, fingerprint, rule)`;
}

/** Marks the tool's known sightings among `fingerprints` as seen now; returns which were known. */
async function markSourcesSeen(ctx: ScanContext, fingerprints: string[]): Promise<Set<string>> {
  const seen = await ctx.tx.$queryRaw<{ fingerprint: string }[]>`
    update "FindingSource" set present = true, "lastScanId" = ${ctx.scanId}, "lastSeenAt" = ${ctx.now}
    where "projectId" = ${ctx.projectId} and tool = ${ctx.tool} and branch = ${ctx.branch} and fingerprint = any(${fingerprints}::text[])
    returning fingerprint`;
  return new Set(seen.map((s) => s.fingerprint));
}

async function insertLocations(ctx: ScanContext, rows: { findingId: string; group: FindingGroup; isNew: boolean }[]) {
  const locations = rows.flatMap((r) => r.group.locations.slice(0, 200).map((l) => ({ findingId: r.findingId, file: clip(l.file, 1000)!, line: l.line, isNew: r.isNew })));
  if (!locations.length) return;
  // A known finding seen by one more tool gains only the places it did not list yet.
  await ctx.tx.$executeRaw`
    insert into "FindingLocation" (id, "findingId", file, line)
    select v.id, v.finding, v.file, v.line
    from unnest(${locations.map(() => randomUUID())}::text[], ${locations.map((l) => l.findingId)}::text[], ${locations.map((l) => l.file)}::text[],
      ${locations.map((l) => l.line)}::int[], ${locations.map((l) => l.isNew)}::boolean[]) as v(id, finding, file, line, fresh)
    where v.fresh or not exists (select 1 from "FindingLocation" x where x."findingId" = v.finding and x.file = v.file and x.line is not distinct from v.line)`;
}

/**
 * Findings the project already has: last seen now; what the tool owns (title, description,
 * severity unless a person set it, fixed version) taken from the scan; resolved ones reopened.
 * Statuses people set (risk accepted, false positive, duplicate) stay as they are.
 */
async function refreshKnownFindings(ctx: ScanContext, groups: FindingGroup[], byKey: Map<string, ExistingFinding>): Promise<number> {
  if (!groups.length) return 0;
  const rows = groups.map((g) => ({ before: byKey.get(g.key)!, finding: g.finding }));
  const severity = (r: (typeof rows)[number]) => (r.before.handSeverity ? r.before.severity : r.finding.severity);
  await ctx.tx.$executeRaw`
    update "Finding" f set "lastSeenAt" = ${ctx.now}, title = v.title, description = v.description, severity = v.severity::"Severity",
      "fixedVersion" = coalesce(v.fixed, f."fixedVersion"),
      status = case when f.status = 'resolved' then 'open'::"FindingStatus" else f.status end,
      "resolvedAt" = case when f.status = 'resolved' then null else f."resolvedAt" end,
      "statusReason" = case when f.status = 'resolved' then null else f."statusReason" end,
      "updatedAt" = case when f.status = 'resolved' or f.title <> v.title or f.severity::text <> v.severity then ${ctx.now} else f."updatedAt" end
    from unnest(${rows.map((r) => r.before.id)}::text[], ${rows.map((r) => clip(r.finding.title, 500))}::text[],
      ${rows.map((r) => clip(r.finding.description, 20_000) ?? "")}::text[], ${rows.map(severity)}::text[], ${rows.map((r) => clip(r.finding.fixedVersion, 120))}::text[])
      as v(id, title, description, severity, fixed)
    where f.id = v.id`;

  const note = clip(`${SCAN_NOTE_PREFIX}${ctx.fileName}`, 250)!;
  const events = [
    ...rows.filter((r) => r.before.status === "resolved").map((r) => ({ findingId: r.before.id, field: "status", from: "resolved", to: "open", note: `Reopened: ${note} reports it again`.slice(0, 300) })),
    ...rows.filter((r) => severity(r) !== r.before.severity).map((r) => ({ findingId: r.before.id, field: "severity", from: r.before.severity, to: severity(r), note })),
  ];
  await insertEvents(ctx, events);
  return rows.filter((r) => r.before.status === "resolved").length;
}

export async function insertEvents(ctx: ScanContext, events: { findingId: string; field: string; from: string | null; to: string | null; note: string }[]) {
  if (!events.length) return;
  await ctx.tx.$executeRaw`
    insert into "FindingEvent" (id, "findingId", "actorId", field, "fromValue", "toValue", note, "scanId", "createdAt")
    select v.id, v.finding, ${ctx.actorId}, v.field, v.from, v.to, v.note, ${ctx.scanId}, ${ctx.now}
    from unnest(${events.map(() => randomUUID())}::text[], ${events.map((e) => e.findingId)}::text[], ${events.map((e) => e.field)}::text[],
      ${events.map((e) => e.from)}::text[], ${events.map((e) => e.to)}::text[], ${events.map((e) => e.note)}::text[]) as v(id, finding, field, "from", "to", note)`;
}
