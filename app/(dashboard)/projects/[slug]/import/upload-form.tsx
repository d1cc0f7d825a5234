"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { PreviewState } from "./actions";
import { megabytes } from "@/lib/megabytes";

type Props = { slug: string; maxBytes: number; state: PreviewState; action: (form: FormData) => void; pending: boolean };

const recognised = ["headings", "tables", "missing", "strengths", "sprints", "categories", "gate", "results"] as const;

/** Step 1: a file (chosen or dropped) or pasted Markdown. */
export function UploadForm({ slug, maxBytes, state, action, pending }: Props) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  // Checked here too: a file far over the limit would otherwise be refused by the server
  // before the action could say why.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  // A message about the previous file no longer applies once another one is chosen.
  const [answered, setAnswered] = useState<PreviewState | null>(null);
  const mb = (bytes: number) => t("sizeMb", { value: format.number(megabytes(bytes)) });

  // React resets a form after its action; put the chosen file back so it is still there to
  // preview again (or to replace) next to the message about it.
  useEffect(() => {
    if (!file || !input.current || input.current.files?.length) return;
    const kept = new DataTransfer();
    kept.items.add(file);
    input.current.files = kept.files;
  }, [state, file]);

  function choose(files: FileList | null) {
    setTooLarge(null);
    setAnswered(state);
    setFile(files?.[0] ?? null);
  }

  function remove() {
    if (input.current) input.current.value = "";
    choose(null);
  }

  function onDrop(event: React.DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    if (!input.current || event.dataTransfer.files.length === 0) return;
    input.current.files = event.dataTransfer.files;
    choose(event.dataTransfer.files);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    const text = new FormData(event.currentTarget).get("text");
    const size = file && file.size > 0 ? file.size : new TextEncoder().encode(typeof text === "string" ? text.trim() : "").byteLength;
    if (size <= maxBytes) return setTooLarge(null);
    event.preventDefault();
    setTooLarge(t("errors.tooLarge", { size: mb(size), limit: mb(maxBytes) }));
  }

  const current = state !== answered ? state : {};
  const error = tooLarge ?? current.error ?? null;
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
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
        <span className="text-sm text-slate-500">{t("file")} · {t("limit", { size: mb(maxBytes) })}</span>
        <input
          ref={input}
          id="report-file"
          name="file"
          type="file"
          accept=".md,.markdown,.txt,text/markdown,text/plain"
          className="sr-only"
          onChange={(e) => choose(e.currentTarget.files)}
        />
      </label>
      {file && (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
          <span className="min-w-0 break-all" data-testid="chosen-file">{t("chosen", { name: file.name })}</span>
          <button type="button" onClick={remove} className="text-brand-700 underline hover:text-brand-800">{t("removeFile")}</button>
          <span className="text-slate-500">{t("fileWins")}</span>
        </p>
      )}
      <div>
        <label htmlFor="report-text" className="block text-sm font-medium">{t("orPaste")}</label>
        <textarea id="report-text" name="text" rows={8} defaultValue={state.values?.text ?? ""} placeholder={t("pastePlaceholder")}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm" />
      </div>
      {error && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-error">
          <p>{error}</p>
          {current.unrecognised && !tooLarge && (
            <>
              <p className="mt-2 font-medium">{t("howItWorks")}</p>
              <ul className="list-disc pl-5">{recognised.map((key) => <li key={key}>{t(`recognised.${key}`)}</li>)}</ul>
            </>
          )}
        </div>
      )}
      <button type="submit" disabled={pending} data-testid="preview-report"
        className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("previewing") : t("preview")}
      </button>
    </form>
  );
}
