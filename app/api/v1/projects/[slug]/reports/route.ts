// GET /api/v1/projects/:slug/reports — recent report imports; POST — import a Markdown report (lead, or a project API token)
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { withProject } from "@/lib/api/with-project";
import { countImport } from "@/lib/metrics/registry";
import { findReportImports } from "@/lib/reports/find-report-imports";
import { importReport } from "@/lib/reports/import-report";
import { parseReport } from "@/lib/reports/parse-report";
import { readReportText } from "@/lib/reports/read-report-text";
import { readReportUpload } from "@/lib/reports/read-report-upload";

export const GET = withProject(
  async (request, { project }) => NextResponse.json({ items: await findReportImports(project.id, Object.fromEntries(request.nextUrl.searchParams)) }),
  { permission: "projects.read" },
);

// Body: multipart/form-data with `file` (or `text`), or the Markdown itself with ?fileName=.
export const POST = withProject(
  async (request, { project, actor }) => {
    try {
      const { bytes, fileName } = await readReportUpload(request);
      const report = parseReport(readReportText(bytes, fileName));
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const summary = await importReport(actor, project.id, { report, fileName, sha256 });
      countImport("report", "ok");
      return NextResponse.json({ summary, warnings: report.warnings }, { status: 201 });
    } catch (error) {
      countImport("report", "failed");
      throw error;
    }
  },
  { permission: "imports.write" },
);
