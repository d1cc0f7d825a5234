// GET /api/v1/projects/:slug/findings.csv — the project's findings as CSV, filtered like the findings list, streamed
import { withProject } from "@/lib/api/with-project";
import { streamFindingsCsv } from "@/lib/exports/stream-findings-csv";

// Query: severity, status, category, kind, source, q (as GET /findings; sort and page are ignored).
export const GET = withProject(
  async (request, { project, requestId }) => {
    const body = streamFindingsCsv(project.id, Object.fromEntries(request.nextUrl.searchParams), requestId);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${project.slug}-findings.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "projects.read" },
);
