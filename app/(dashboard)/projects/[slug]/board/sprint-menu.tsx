"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { closeSprintAction, reorderSprintsAction, updateSprintAction } from "./actions";
import type { BoardSprintView } from "./board";
import { SprintFields } from "./sprint-fields";

type Props = { slug: string; sprint: BoardSprintView; unfinished: number; nextSprintName: string | null; order: string[] };

/** A lead's sprint actions: rename, dates or a text window, move earlier or later, close. */
export function SprintMenu({ slug, sprint, unfinished, nextSprintName, order }: Props) {
  const t = useTranslations("board");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const at = order.indexOf(sprint.id);

  async function save(form: FormData) {
    const result = await updateSprintAction(slug, sprint.id, form);
    if (!result.ok) {
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    dialog.current?.close();
    router.refresh();
  }

  async function move(by: -1 | 1) {
    const next = [...order];
    next.splice(at, 1);
    next.splice(at + by, 0, sprint.id);
    const result = await reorderSprintsAction(slug, next);
    if (!result.ok) setError(result.error);
    router.refresh();
  }

  async function close() {
    const message = unfinished ? t("closeConfirm", { count: unfinished, to: nextSprintName ?? t("backlog") }) : t("closeConfirmEmpty");
    if (!window.confirm(message)) return;
    const result = await closeSprintAction(slug, sprint.id);
    if (!result.ok) setError(result.error);
    router.refresh();
  }

  return (
    <div className="flex shrink-0 items-center gap-1">
      <button type="button" onClick={() => move(-1)} disabled={at <= 0} aria-label={t("moveEarlier", { name: sprint.name })} className="rounded px-1 text-slate-500 hover:bg-slate-200 disabled:opacity-30">←</button>
      <button type="button" onClick={() => move(1)} disabled={at < 0 || at >= order.length - 1} aria-label={t("moveLater", { name: sprint.name })} className="rounded px-1 text-slate-500 hover:bg-slate-200 disabled:opacity-30">→</button>
      <button type="button" onClick={() => dialog.current?.showModal()} className="rounded px-1.5 text-xs font-medium text-brand-700 hover:bg-slate-200" data-testid="edit-sprint">{t("edit")}</button>
      <dialog ref={dialog} className="w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={save} className="space-y-3 p-5">
          <h2 className="text-lg font-semibold">{t("editSprint")}</h2>
          <SprintFields sprint={sprint} errors={fieldErrors} />
          {error && <p className="text-sm text-red-700">{error}</p>}
          <div className="flex flex-wrap justify-between gap-2 pt-2">
            <button type="button" onClick={close} className="rounded-md border border-red-300 px-3 py-2 text-sm text-red-700 hover:bg-red-50" data-testid="close-sprint">{t("closeSprint")}</button>
            <span className="flex gap-2">
              <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-3 py-2 text-sm">{t("cancel")}</button>
              <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white">{t("save")}</button>
            </span>
          </div>
        </form>
      </dialog>
    </div>
  );
}
