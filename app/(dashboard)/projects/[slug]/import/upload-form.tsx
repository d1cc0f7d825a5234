"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { PreviewState } from "./actions";

type Props = { slug: string; maxMb: number; state: PreviewState; action: (form: FormData) => void; pending: boolean };

/** Step 1: a file (chosen or dropped) or pasted Markdown. */
export function UploadForm({ slug, maxMb, state, action, pending }: Props) {
  const t = useTranslations("reports");
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  function onDrop(event: React.DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    if (!input.current || event.dataTransfer.files.length === 0) return;
    input.current.files = event.dataTransfer.files;
    setFileName(event.dataTransfer.files[0]?.name ?? null);
  }

  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <input type="hidden" name="projectSlug" value={slug} />
      <label
        htmlFor="report-file"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
        className={`flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center focus-within:ring-2 focus-within:ring-brand-600 ${dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 hover:border-slate-400"}`}
      >
        <span className="font-medium text-slate-800">{t("dropHere")}</span>
        <span className="text-sm text-slate-500">{t("file")} · {t("limit", { size: maxMb })}</span>
        {fileName && <span className="text-sm text-slate-700" data-testid="chosen-file">{t("chosen", { name: fileName })}</span>}
        <input
          ref={input}
          id="report-file"
          name="file"
          type="file"
          accept=".md,.markdown,.txt,text/markdown,text/plain"
          className="sr-only"
          onChange={(e) => setFileName(e.currentTarget.files?.[0]?.name ?? null)}
        />
      </label>
      <div>
        <label htmlFor="report-text" className="block text-sm font-medium">{t("orPaste")}</label>
        <textarea id="report-text" name="text" rows={8} defaultValue={state.values?.text ?? ""} placeholder={t("pastePlaceholder")}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm" />
      </div>
      {state.error && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-error">
          {state.fieldErrors?.file?.[0] ?? state.error}
        </p>
      )}
      <button type="submit" disabled={pending} data-testid="preview-report"
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("previewing") : t("preview")}
      </button>
    </form>
  );
}
