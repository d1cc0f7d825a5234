import type pg from "pg";
import { defaultCategories } from "@/lib/projects/default-categories";

// 200 projects × 2,000 findings with a year of daily snapshots, written set-wise in SQL so the
// seed itself takes seconds, not the benchmark's time. Findings spread over the categories and
// severities as real ones do (few critical, many medium and low), a third of them resolved.

export async function seedDashboard(client: pg.Client, { projects, findingsPerProject, days }: { projects: number; findingsPerProject: number; days: number }) {
  await client.query(`
    insert into "Project" (id, slug, name, "ownerTeam", "updatedAt")
    select 'bp' || i, 'bench-' || lpad(i::text, 3, '0'), 'Bench project ' || lpad(i::text, 3, '0'), 'team-' || (i % 12), now()
    from generate_series(1, $1) i`, [projects]);
  const keys = defaultCategories.map((c) => c.key);
  await client.query(`
    insert into "Category" (id, "projectId", key, name, weight, criticality, position)
    select 'bc' || p || '-' || c.pos, 'bp' || p, c.key, c.name, c.weight, c.criticality::"Criticality", c.pos
    from generate_series(1, $1) p, unnest($2::text[], $3::text[], $4::float8[], $5::text[]) with ordinality as c(key, name, weight, criticality, pos)`,
    [projects, keys, defaultCategories.map((c) => c.name), defaultCategories.map((c) => c.weight), defaultCategories.map((c) => c.criticality)]);
  await client.query(`
    insert into "Finding" (id, "projectId", ref, title, description, severity, kind, status, "categoryId", source, fingerprint, "firstSeenAt", "lastSeenAt", "resolvedAt", "createdAt", "updatedAt")
    select 'bf' || p || '-' || n, 'bp' || p, 'BENCH-' || n, 'Finding ' || n || ' of project ' || p, 'A finding written by the benchmark.',
      (array['critical','high','high','medium','medium','medium','low','low','low','info'])[1 + (n * 7 + p) % 10]::"Severity",
      (array['gap','vulnerability','misconfiguration','quality'])[1 + n % 4]::"FindingKind",
      case when (n + p) % 3 = 0 then 'resolved' when (n + p) % 17 = 0 then 'risk_accepted' else 'open' end::"FindingStatus",
      'bc' || p || '-' || (1 + (n % 15)), 'bench', md5(p || '-' || n),
      now() - ((n * 13 % $3) || ' days')::interval, now(),
      case when (n + p) % 3 = 0 then now() - ((n % 30) || ' days')::interval end,
      now() - ((n * 13 % $3) || ' days')::interval, now()
    from generate_series(1, $1) p, generate_series(1, $2) n`, [projects, findingsPerProject, days]);
  await client.query(`
    insert into "Snapshot" (id, "projectId", "takenAt", score, level, "categoryScores", "openCritical", "openHigh", "openMedium", "openLow", "openInfo", "openTotal", "closedTotal", "gatePassed")
    select 'bs' || p || '-' || d, 'bp' || p, now() - (d || ' days')::interval - interval '1 minute',
      least(100, 20 + (365 - d) * 0.1 + (p % 20)), 1 + (p + d) % 3, '[]'::jsonb,
      60 + (p % 9), 300 - (365 - d) / 4, 400, 400, 150, 1310 - (365 - d), (365 - d) * 2, (p + d) % 4 = 0
    from generate_series(1, $1) p, generate_series(0, $2 - 1) d`, [projects, days]);
  await client.query("analyze");
}
