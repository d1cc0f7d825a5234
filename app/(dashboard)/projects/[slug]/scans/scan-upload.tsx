"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { ScanSummary } from "@/lib/ingest/import-scan";
import type { GateResult } from "@/lib/maturity/gate";
import { megabytes } from "@/lib/megabytes";

type Props = { slug: string; maxBytes: number; formats: { format: string; name: string }[] };

type Phase =
  | { step: "idle" }
  | { step: "sending"; loaded: number; total: number }
  | { step: "reading" }
  | { step: "done"; scan: ScanSummary; gate: GateResult }
  | { step: "failed"; status: number; message: string };

const errorKeys: Record<number, string> = { 400: "invalid", 401: "unauthorized", 403: "forbidden", 404: "notFound", 413: "tooLarge", 415: "unsupported", 422: "unreadable" };

/**
 * Drop or choose a scan file and send it to the scans API: a progress bar while the bytes go
 * up (XHR reports upload progress, fetch does not), then the server reads and imports it.
 */
export function ScanUpload({ slug, maxBytes, formats }: Props) {
  const t = useTranslations("scans");
  const format = useFormatter();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const mb = (bytes: number) => t("sizeMb", { value: format.number(megabytes(bytes)) });
  const busy = phase.step === "sending" || phase.step === "reading";

  function choose(files: FileList | null) {
    setFile(files?.[0] ?? null);
    setPhase({ step: "idle" });
  }

  // A file chosen before the page hydrated is in the input but never reached onChange.
  useEffect(() => {
    if (input.current?.files?.length) setFile(input.current.files[0] ?? null);
  }, []);

  function onDrop(event: React.DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) choose(event.dataTransfer.files);
  }

  function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return setPhase({ step: "failed", status: 400, message: t("errors.noFile") });
    if (file.size > maxBytes) return setPhase({ step: "failed", status: 413, message: t("errors.tooLargeLocal", { size: mb(file.size), limit: mb(maxBytes) }) });
    const form = new FormData(event.currentTarget);
    form.set("file", file);
    form.set("closeMissing", form.get("closeMissing") ? "true" : "false");
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/projects/${encodeURIComponent(slug)}/scans`);
    request.responseType = "json";
    request.upload.onprogress = (e) => setPhase({ step: "sending", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    request.upload.onload = () => setPhase({ step: "reading" });
    request.onerror = () => setPhase({ step: "failed", status: 0, message: t("errors.network") });
    request.onload = () => {
      const body = request.response as { scan?: ScanSummary; gate?: GateResult; error?: { message?: string } } | null;
      if (request.status === 201 && body?.scan && body.gate) {
        setPhase({ step: "done", scan: body.scan, gate: body.gate });
        router.refresh();
      } else setPhase({ step: "failed", status: request.status, message: body?.error?.message ?? t("errors.generic") });
    };
    setPhase({ step: "sending", loaded: 0, total: file.size });
    request.send(form);
  }

  return (
    <form onSubmit={send} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6" data-testid="scan-upload">
      <h2 className="font-semibold">{t("upload")}</h2>
      <label
        htmlFor="scan-file"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="scan-drop-zone"
        className={`flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-4 py-8 text-center focus-within:ring-2 focus-within:ring-brand-600 ${dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 hover:border-slate-400"}`}
      >
        <span className="font-medium text-slate-800">{file ? t("chosen", { name: file.name, size: mb(file.size) }) : t("dropHere")}</span>
        <span className="text-sm text-slate-500">{t("limit", { size: mb(maxBytes) })}</span>
        <input ref={input} id="scan-file" type="file" className="sr-only" onChange={(e) => choose(e.currentTarget.files)} data-testid="scan-file" />
      </label>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="scan-format" className="block text-sm font-medium">{t("format")}</label>
          <select id="scan-format" name="format" defaultValue="" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
            <option value="">{t("formatAuto")}</option>
            {formats.map((f) => <option key={f.format} value={f.format}>{f.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="scan-branch" className="block text-sm font-medium">{t("branch")}</label>
          <input id="scan-branch" name="branch" placeholder="main" autoComplete="off" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
        </div>
        <div>
          <label htmlFor="scan-commit" className="block text-sm font-medium">{t("commit")}</label>
          <input id="scan-commit" name="commit" placeholder="a1b2c3d" autoComplete="off" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm" />
        </div>
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="closeMissing" defaultChecked className="mt-1" data-testid="close-missing" />
        <span>{t("closeMissing")}<span className="block text-slate-500">{t("closeMissingHint")}</span></span>
      </label>
      <Progress phase={phase} />
      {phase.step === "failed" && (
        <div className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="scan-error">
          <p className="font-medium">{t(`errors.${errorKeys[phase.status] ?? "generic"}`)}</p>
          <p className="mt-1 break-words">{phase.message}</p>
        </div>
      )}
      {phase.step === "done" && <UploadResult slug={slug} scan={phase.scan} gate={phase.gate} />}
      <button type="submit" disabled={busy || !file} data-testid="send-scan" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {busy ? t("sending") : t("send")}
      </button>
    </form>
  );
}

function Progress({ phase }: { phase: Phase }) {
  const t = useTranslations("scans");
  if (phase.step !== "sending" && phase.step !== "reading") return null;
  const percent = phase.step === "sending" && phase.total ? Math.round((phase.loaded / phase.total) * 100) : 100;
  return (
    <div data-testid="scan-progress">
      <div className="flex justify-between text-sm text-slate-600">
        <span>{phase.step === "sending" ? t("progressSending") : t("progressReading")}</span>
        {phase.step === "sending" && <span className="tabular-nums">{percent} %</span>}
      </div>
      <div className="mt-1 h-2 overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={phase.step === "sending" ? percent : undefined} aria-label={t("progressLabel")}>
        <div className={`h-full bg-brand-600 ${phase.step === "reading" ? "animate-pulse" : ""}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

function UploadResult({ slug, scan, gate }: { slug: string; scan: ScanSummary; gate: GateResult }) {
  const t = useTranslations("scans");
  return (
    <div className="rounded-md bg-emerald-50 px-3 py-3 text-sm text-emerald-950" data-testid="scan-result">
      <p className="font-medium">{t("result", { tool: scan.tool, findings: scan.findings })}</p>
      <p className="mt-1" data-testid="scan-result-counts">{t("resultCounts", { created: scan.created, reopened: scan.reopened, unchanged: scan.unchanged, closed: scan.closed })}</p>
      {scan.metrics > 0 && <p>{t("resultMetrics", { count: scan.metrics })}</p>}
      <p className="mt-1">
        {t("gate")}: <strong data-testid="scan-gate">{t(`gateStatus.${gate.status}`)}</strong>
      </p>
      <p className="mt-2 flex flex-wrap gap-4">
        <Link href={`/projects/${slug}/scans/${scan.scanId}`} className="font-medium underline">{t("seeChanges")}</Link>
        <Link href={`/projects/${slug}`} className="font-medium underline">{t("seeFindings")}</Link>
      </p>
    </div>
  );
}
