// GET /api/v1/projects/:slug/scans — scan history; POST — upload a scan file (lead, or a project API token)
import { NextResponse } from "next/server";
import { withProject } from "@/lib/api/with-project";
import { findScans } from "@/lib/ingest/find-scans";
import { importScan } from "@/lib/ingest/import-scan";
import { readScanUpload } from "@/lib/ingest/read-scan-upload";
import { getGateStatus } from "@/lib/maturity/get-gate-status";
import { countImport } from "@/lib/metrics/registry";

export const GET = withProject(
  async (request, { project }) => NextResponse.json({ items: await findScans(project.id, Object.fromEntries(request.nextUrl.searchParams)) }),
  { permission: "projects.read" },
);

// Body: multipart/form-data with `file` and optional format, branch, commit, closeMissing; or
// the file itself with those as query parameters (and ?fileName=).
export const POST = withProject(
  async (request, { project, actor }) => {
    const upload = await readScanUpload(request);
    try {
      const scan = await importScan(actor, project.id, { source: upload.source, sha256: upload.sha256, options: upload.fields });
      countImport("scan", "ok");
      return NextResponse.json({ scan, gate: await getGateStatus(project.id) }, { status: 201 });
    } catch (error) {
      countImport("scan", "failed");
      throw error;
    } finally {
      await upload.cleanup();
    }
  },
  { permission: "imports.write" },
);
