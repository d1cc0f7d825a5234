import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { cliActor } from "@/lib/audit/record-audit";
import { createProject } from "@/lib/projects/create-project";
import type { FindingKind, Severity } from "@/lib/generated/prisma/enums";

// A small demo project so a new install has something to look at. Written only into an
// empty database; its findings are examples of each kind of gap a report or scan yields.
const demoFindings: { ref: string; title: string; severity: Severity; kind: FindingKind; category: string; file?: string; line?: number; description: string }[] = [
  { ref: "CRIT-01", title: "Git remote URL embeds a personal access token", severity: "critical", kind: "secret", category: "security", file: ".git/config", line: 7, description: "The remote URL contains a token in clear text; anyone with the repository can push." },
  { ref: "HIGH-01", title: "No resource limits on the API deployment", severity: "high", kind: "misconfiguration", category: "deployment", file: "k8s/api/deployment.yaml", line: 31, description: "Pods can take a whole node's memory under load." },
  { ref: "HIGH-02", title: "Backups are never restored in a test", severity: "high", kind: "gap", category: "business_continuity", description: "Nightly dumps exist, but no one has restored one; recovery time is unknown." },
  { ref: "MED-01", title: "No alert on error rate", severity: "medium", kind: "gap", category: "observability", description: "Metrics are collected, but no alert fires when the 5xx rate rises." },
  { ref: "MED-02", title: "p95 latency of /checkout not measured", severity: "medium", kind: "missing", category: "performance", description: "No load test covers the checkout path." },
  { ref: "INC-01", title: "Two different Node versions in CI and Dockerfile", severity: "low", kind: "inconsistency", category: "configuration", file: "Dockerfile", line: 1, description: "CI tests on Node 22 while the image runs Node 20." },
  { ref: "M-01", title: "Runbook for database failover", severity: "low", kind: "missing", category: "documentation", description: "On-call has no written steps for a failover." },
];

export async function seedDemo(): Promise<boolean> {
  const db = getDb();
  if ((await db.project.count()) > 0) return false;
  const project = await createProject(cliActor, {
    slug: "demo",
    name: "Demo: Payments API",
    description: "An example project with findings of every severity. Delete it when you no longer need it.",
  });
  const categories = await db.category.findMany({ where: { projectId: project.id }, select: { id: true, key: true } });
  const categoryId = (key: string) => categories.find((c) => c.key === key)?.id;
  await db.$transaction(async (tx) => {
    for (const f of demoFindings) {
      await tx.finding.create({
        data: {
          projectId: project.id,
          ref: f.ref,
          title: f.title,
          description: f.description,
          severity: f.severity,
          kind: f.kind,
          categoryId: categoryId(f.category),
          source: "manual",
          fingerprint: `manual:${randomUUID()}`,
          locations: f.file ? { create: [{ file: f.file, line: f.line }] } : undefined,
          events: { create: [{ field: "created", toValue: "open", note: "demo data" }] },
        },
      });
    }
  });
  return true;
}
