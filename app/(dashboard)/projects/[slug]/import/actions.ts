"use server";

import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { userActor } from "@/lib/audit/record-audit";
import { actionError, formValues } from "@/lib/action-result";
import { AppError, type FieldErrors } from "@/lib/errors";
import { env } from "@/lib/env";
import { countImport } from "@/lib/metrics/registry";
import { requireProjectBySlug } from "@/lib/projects/find-projects";
import { checkReportHasContent } from "@/lib/reports/check-report-has-content";
import { importReport, type ImportSummary } from "@/lib/reports/import-report";
import { parseReport } from "@/lib/reports/parse-report";
import { readReportText } from "@/lib/reports/read-report-text";
import type { ParsedReport } from "@/lib/reports/schema";
import { megabytes } from "@/lib/megabytes";

// Two steps: read and parse the upload (nothing is written), then import what the lead saw
// and edited. The second step gets the edited report back and checks it with the same schema
// as the API, so nothing the browser sends is trusted.

export type PreviewState = {
  error?: string;
  /** Set when the report held nothing the importer reads: the form then lists what it looks for. */
  unrecognised?: boolean;
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  preview?: { report: ParsedReport; fileName: string; sha256: string };
};

/**
 * The refusals a lead can act on, in the reader's language: the use cases word them in English
 * for the API and the CLI. Anything else goes through actionError as usual.
 */
async function previewRefusal(error: unknown, fileName: string, byteLength: number): Promise<PreviewState | null> {
  if (!(error instanceof AppError)) return null;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const mb = (bytes: number) => t("reports.sizeMb", { value: format.number(megabytes(bytes)) });
  switch (error.code) {
    case "too_large":
      return { error: t("reports.errors.tooLarge", { size: mb(byteLength), limit: mb(env().REPORT_MAX_BYTES) }) };
    case "unsupported_format":
      return { error: t("reports.errors.notMarkdown", { name: fileName }) };
    case "unprocessable":
      return { error: t("reports.errors.nothingRecognised"), unrecognised: true };
    case "forbidden":
      return { error: t("errors.forbidden") };
    default:
      return null;
  }
}

async function authorize(slug: string) {
  const user = await requirePermission("imports.write");
  const project = await requireProjectBySlug(slug);
  return { user, project };
}

export async function previewReportAction(_prev: PreviewState, form: FormData): Promise<PreviewState> {
  const values = formValues(form);
  const kept = { text: values.text ?? "" };
  let fileName = "";
  let byteLength = 0;
  try {
    await authorize(values.projectSlug ?? "");
    const file = form.get("file");
    const pasted = (values.text ?? "").trim();
    let bytes: Uint8Array;
    if (file instanceof File && file.size > 0) {
      bytes = new Uint8Array(await file.arrayBuffer());
      fileName = file.name.split(/[\\/]/).pop()?.slice(0, 255) || "report.md";
    } else if (pasted) {
      bytes = new TextEncoder().encode(pasted);
      fileName = "pasted-report.md";
    } else {
      const message = (await getTranslations("reports"))("errors.noFile");
      return { error: message, fieldErrors: { file: [message] }, values: kept };
    }
    byteLength = bytes.byteLength;
    const report = parseReport(readReportText(bytes, fileName));
    checkReportHasContent(report);
    return { preview: { report, fileName, sha256: createHash("sha256").update(bytes).digest("hex") } };
  } catch (error) {
    const refusal = await previewRefusal(error, fileName, byteLength);
    return refusal ? { ...refusal, values: kept } : actionError(error, kept);
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
    if (error instanceof AppError && error.code === "forbidden") return { error: (await getTranslations("errors"))("forbidden") };
    countImport("report", "failed");
    return actionError(error);
  }
}
