// GET /api/v1/projects/:slug/badge.svg — the level and gate as a badge (same access as the project)
import { withProject } from "@/lib/api/with-project";
import { renderBadge } from "@/lib/maturity/badge";
import { getReadiness } from "@/lib/maturity/get-readiness";

export const GET = withProject(
  async (_request, { project }) => {
    const m = await getReadiness(project.id);
    const svg = renderBadge(`L${m.level} ${m.levelName} · gate ${m.gate.status}`, m.gate.status);
    return new Response(svg, { headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=60" } });
  },
  { permission: "projects.read" },
);
