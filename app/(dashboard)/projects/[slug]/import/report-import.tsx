"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import type { ParsedReport } from "@/lib/reports/schema";
import { commitReportAction, previewReportAction, type CommitState, type PreviewState } from "./actions";
import { ImportSummaryView } from "./import-summary";
import { ReportPreview } from "./report-preview";
import { UploadForm } from "./upload-form";

type Props = { slug: string; maxBytes: number; categories: { key: string; name: string }[] };

/** Upload → preview (edit) → import → summary. Nothing is written before "Import". */
export function ReportImport({ slug, maxBytes, categories }: Props) {
  const t = useTranslations("errors");
  const [previewState, previewAction, previewing] = useActionState(previewReportAction, {} as PreviewState);
  // A preview stays on screen until the lead starts over; remembering which one was dismissed
  // lets the same file be previewed again afterwards.
  const [dismissed, setDismissed] = useState<PreviewState | null>(null);
  const [commit, setCommit] = useState<{ state: CommitState; fileName: string } | null>(null);
  const [committing, startCommit] = useTransition();
  const preview = previewState !== dismissed ? previewState.preview : undefined;

  const startOver = () => {
    setDismissed(previewState);
    setCommit(null);
  };

  if (commit?.state.summary) return <ImportSummaryView slug={slug} fileName={commit.fileName} summary={commit.state.summary} onAnother={startOver} />;

  if (preview) {
    const onCommit = (report: ParsedReport) =>
      startCommit(async () => {
        let state: CommitState;
        try {
          state = await commitReportAction(slug, { report, fileName: preview.fileName, sha256: preview.sha256 });
        } catch {
          // The request itself failed (connection, server restart): keep the preview and its edits.
          state = { error: t("genericShort") };
        }
        setCommit({ state, fileName: preview.fileName });
        if (state.summary) window.scrollTo({ top: 0 });
      });
    return (
      <ReportPreview key={preview.sha256} fileName={preview.fileName} report={preview.report} categories={categories}
        committing={committing} error={commit?.state.error} onCommit={onCommit} onStartOver={startOver} />
    );
  }

  return <UploadForm slug={slug} maxBytes={maxBytes} state={previewState !== dismissed ? previewState : {}} action={previewAction} pending={previewing} />;
}
