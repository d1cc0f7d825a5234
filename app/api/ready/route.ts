// GET /api/ready — readiness: 200 when the database answers, else 503.
import { checkReady } from "@/lib/ops/check-ready";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await checkReady()) return Response.json({ status: "ready" });
  return Response.json(
    { status: "unavailable", error: { code: "unavailable", message: "The database is not reachable." } },
    { status: 503 },
  );
}
