import { describe, expect, it } from "vitest";
import { countImport, metrics, routeLabel } from "@/lib/metrics/registry";

describe("metrics", () => {
  it("labels API routes by pattern, not by slug or id", () => {
    expect(routeLabel("/api/v1/projects/payments/findings/ckabc123")).toBe("/api/v1/projects/[slug]/findings/[id]");
    expect(routeLabel("/api/v1/projects/payments/findings")).toBe("/api/v1/projects/[slug]/findings");
    expect(routeLabel("/api/ready")).toBe("/api/ready");
  });

  it("exposes request durations and import counters in Prometheus text", async () => {
    const stop = metrics().httpDuration.startTimer({ method: "GET", route: "/api/v1/projects/[slug]/findings" });
    stop({ status: "200" });
    countImport("scan", "ok");
    const text = await metrics().registry.metrics();
    expect(text).toContain('readyboard_http_request_duration_seconds_count{method="GET",route="/api/v1/projects/[slug]/findings",status="200"} 1');
    expect(text).toContain('readyboard_imports_total{kind="scan",outcome="ok"} 1');
    expect(text).toContain("readyboard_process_cpu_seconds_total");
  });
});
