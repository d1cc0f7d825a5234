// GET /api/metrics — Prometheus text exposition.
import { metrics } from "@/lib/metrics/registry";
import { collectFindings } from "@/lib/metrics/collect-findings";

export const dynamic = "force-dynamic";

export async function GET() {
  await collectFindings();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
}
