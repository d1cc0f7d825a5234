"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { SeverityBadge } from "@/components/ui/severity-badge";
import { reopenable, resolvable, type CardItem } from "@/lib/roadmap/board-state";

export type DoneChoice = { resolve: string[]; reopen: string[] };

/**
 * Ticking an item done offers its open findings for resolving in the same step; reopening a
 * done item asks which of its resolved findings to reopen. All are chosen at first.
 */
export function DoneDialog({ item, to, onCancel, onConfirm }: { item: CardItem; to: CardItem["status"]; onCancel: () => void; onConfirm: (choice: DoneChoice) => void }) {
  const t = useTranslations("board");
  const tc = useTranslations();
  const dialog = useRef<HTMLDialogElement>(null);
  const resolving = to === "done";
  const offered = resolving ? resolvable(item) : reopenable(item);
  const [chosen, setChosen] = useState(() => new Set(offered.map((f) => f.id)));
  useEffect(() => dialog.current?.showModal(), []);
  const toggle = (id: string) => setChosen((set) => (set.has(id) ? new Set([...set].filter((x) => x !== id)) : new Set([...set, id])));
  const ids = [...chosen];
  return (
    <dialog ref={dialog} onCancel={onCancel} className="w-full max-w-lg rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40" data-testid="done-dialog">
      <form method="dialog" className="space-y-4 p-5" onSubmit={(e) => { e.preventDefault(); onConfirm(resolving ? { resolve: ids, reopen: [] } : { resolve: [], reopen: ids }); }}>
        <h2 className="text-lg font-semibold">{resolving ? t("resolveTitle", { title: item.title }) : t("reopenTitle", { title: item.title })}</h2>
        <p className="text-sm text-slate-600">{resolving ? t("resolveBody") : t("reopenBody")}</p>
        <ul className="max-h-64 space-y-2 overflow-y-auto">
          {offered.map((f) => (
            <li key={f.id}>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" checked={chosen.has(f.id)} onChange={() => toggle(f.id)} className="mt-1" data-testid="dialog-finding" />
                <SeverityBadge severity={f.severity} label={tc(`severity.${f.severity}`)} />
                <span className="min-w-0 break-words">{f.ref ? `${f.ref} · ` : ""}{f.title}</span>
              </label>
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm">{t("cancel")}</button>
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" data-testid="dialog-confirm">
            {resolving ? t("confirmResolve", { count: ids.length }) : t("confirmReopen", { count: ids.length })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
