"use server";

import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/session";
import { userActor } from "@/lib/audit/record-audit";
import { actionError, formValues } from "@/lib/action-result";
import { AppError, type FieldErrors } from "@/lib/errors";
import { countImport } from "@/lib/metrics/registry";
import { getProjectBySlug } from "@/lib/projects/find-projects";
import { checkReportHasContent } from "@/lib/reports/check-report-has-content";
import { importReport, type ImportSummary } from "@/lib/reports/import-report";
import { parseReport } from "@/lib/reports/parse-report";
import { readReportText } from "@/lib/reports/read-report-text";
import type { ParsedReport } from "@/lib/reports/schema";

// Two steps: read and parse the upload (nothing is written), then import what the lead saw
// and edited. The second step gets the edited report back and checks it with the same schema
// as the API, so nothing the browser sends is trusted.

export type PreviewState = {
  error?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  preview?: { report: ParsedReport; fileName: string; sha256: string };
};

async function authorize(slug: string) {
  const user = await requirePermission("imports.write");
  const project = await getProjectBySlug(slug);
  if (!project) throw new AppError("not_found", "That project does not exist.");
  return { user, project };
}

export async function previewReportAction(_prev: PreviewState, form: FormData): Promise<PreviewState> {
  const values = formValues(form);
  try {
    await authorize(values.projectSlug ?? "");
    const file = form.get("file");
    const pasted = (values.text ?? "").trim();
    let bytes: Uint8Array;
    let fileName: string;
    if (file instanceof File && file.size > 0) {
      bytes = new Uint8Array(await file.arrayBuffer());
      fileName = file.name.split(/[\\/]/).pop()?.slice(0, 255) || "report.md";
    } else if (pasted) {
      bytes = new TextEncoder().encode(pasted);
      fileName = "pasted-report.md";
    } else {
      throw new AppError("invalid", "Choose a report file or paste its text.", { file: ["Choose a report file or paste its text."] });
    }
    const report = parseReport(readReportText(bytes, fileName));
    checkReportHasContent(report);
    return { preview: { report, fileName, sha256: createHash("sha256").update(bytes).digest("hex") } };
  } catch (error) {
    return actionError(error, { text: values.text ?? "" });
  }
}

export type CommitState = { error?: string; fieldErrors?: FieldErrors; summary?: ImportSummary };

export async function commitReportAction(slug: string, input: { report: ParsedReport; fileName: string; sha256: string }): Promise<CommitState> {
  try {
    const { user, project } = await authorize(slug);
    const summary = await importReport(userActor(user), project.id, input);
    countImport("report", "ok");
    revalidatePath("/", "layout");
    return { summary };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "forbidden")) countImport("report", "failed");
    return actionError(error);
  }
}
