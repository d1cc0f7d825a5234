// GET /api/v1/projects/:slug/maturity — score, level, category scores and what the next level takes
import { NextResponse } from "next/server";
import { withProject } from "@/lib/api/with-project";
import { getReadiness } from "@/lib/maturity/get-readiness";

export const GET = withProject(
  async (_request, { project }) => {
    const m = await getReadiness(project.id);
    return NextResponse.json({
      score: m.score,
      level: m.level,
      levelName: m.levelName,
      categories: m.categories.map(({ key, name, weight, score, penalty, open, assessed }) => ({ key, name, weight, score, penalty, open, assessed })),
      open: m.open,
      gate: m.gate,
      whatItTakes: m.whatItTakes,
    });
  },
  { permission: "projects.read" },
);
