// GET /api/v1/projects/:slug/report.md — the readiness report as Markdown, in the shapes the report importer reads back
import { withProject } from "@/lib/api/with-project";
import { getReadinessReportData } from "@/lib/exports/get-readiness-report-data";
import { buildReadinessReport } from "@/lib/exports/readiness-report";

export const GET = withProject(
  async (_request, { project }) => {
    const markdown = buildReadinessReport(await getReadinessReportData(project), new Date());
    return new Response(markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "content-disposition": `attachment; filename="${project.slug}-readiness.md"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "projects.read" },
);
