import "server-only";
import client from "prom-client";

// One registry per process, kept on globalThis so dev-mode reloads do not register twice.
type Metrics = {
  registry: client.Registry;
  httpDuration: client.Histogram<"method" | "route" | "status">;
  imports: client.Counter<"kind" | "outcome">;
  findings: client.Gauge<"severity" | "status">;
};

const globalForMetrics = globalThis as unknown as { readyboardMetrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "readyboard_" });
  const httpDuration = new client.Histogram({
    name: "readyboard_http_request_duration_seconds",
    help: "Duration of API requests by route pattern",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const imports = new client.Counter({
    name: "readyboard_imports_total",
    help: "Report and scan imports by outcome",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const findings = new client.Gauge({
    name: "readyboard_findings",
    help: "Findings by severity and status, over all projects (read at scrape time)",
    labelNames: ["severity", "status"] as const,
    registers: [registry],
  });
  return { registry, httpDuration, imports, findings };
}

export function metrics(): Metrics {
  globalForMetrics.readyboardMetrics ??= createMetrics();
  return globalForMetrics.readyboardMetrics;
}

export function countImport(kind: "report" | "scan", outcome: "ok" | "failed") {
  metrics().imports.inc({ kind, outcome });
}

/** Replaces the API route's dynamic segments' values by the pattern, so labels stay few. */
export function routeLabel(pathname: string): string {
  return pathname
    .replace(/^\/api\/v1\/projects\/[^/]+/, "/api/v1/projects/[slug]")
    .replace(/\/(findings|sprints|items|scans|tokens)\/[^/]+/g, "/$1/[id]");
}
