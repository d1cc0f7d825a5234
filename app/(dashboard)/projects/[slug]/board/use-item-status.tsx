"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import { keepUnchangedItems, reopenable, resolvable, type CardItem } from "@/lib/roadmap/board-state";
import { setItemStatusAction } from "./actions";
import { DoneDialog, type DoneChoice } from "./done-dialog";

export type Notice = { text: string; error: boolean } | null;

/**
 * The board's items as the browser holds them, and status changes on them: shown at once,
 * confirmed by the server, undone with a note when refused. A tick done offers the item's open
 * findings for resolving first (the dialog this returns), a reopen its resolved ones.
 */
export function useItemStatus(slug: string, initialItems: CardItem[]) {
  const t = useTranslations("board");
  const router = useRouter();
  const [items, setItems] = useState(() => Object.fromEntries(initialItems.map((i) => [i.id, i])));
  const [notice, setNotice] = useState<Notice>(null);
  const [ticking, setTicking] = useState<{ item: CardItem; to: CardItem["status"] } | null>(null);

  // A refresh (after a conflict, or another tab's change) brings new props: show them.
  const [shown, setShown] = useState(initialItems);
  if (shown !== initialItems) {
    setShown(initialItems);
    setItems(keepUnchangedItems(items, initialItems));
  }

  const refused = (result: { ok: false; error: string; conflict: boolean }) => {
    setNotice({ text: result.conflict ? t("conflict") : result.error, error: true });
    router.refresh();
  };

  async function changeStatus(item: CardItem, status: CardItem["status"], choice: DoneChoice = { resolve: [], reopen: [] }) {
    setTicking(null);
    setItems((all) => ({ ...all, [item.id]: { ...item, status } }));
    const result = await setItemStatusAction(slug, item.id, { version: item.version, status, resolveFindings: choice.resolve, reopenFindings: choice.reopen });
    if (!result.ok) {
      setItems((all) => ({ ...all, [item.id]: item }));
      return refused(result);
    }
    setItems((all) => ({ ...all, [item.id]: { ...all[item.id]!, version: result.version ?? item.version + 1 } }));
    const count = choice.resolve.length + choice.reopen.length;
    setNotice({ text: status === "done" ? t("markedDone", { title: item.title, count }) : item.status === "done" ? t("markedOpen", { title: item.title, count }) : t("markedStatus", { title: item.title, status: t(`status.${status}`) }), error: false });
    // Resolved findings change the score: the server's readiness is the one to show.
    if (count) router.refresh();
  }

  const tickNow = (item: CardItem, to: CardItem["status"]) => {
    if (item.status === to) return;
    const offered = to === "done" ? resolvable(item) : item.status === "done" ? reopenable(item) : [];
    if (offered.length) setTicking({ item, to });
    else void changeStatus(item, to);
  };
  // One function for the life of the board, so memoized cards do not render again for it.
  const latestTick = useRef(tickNow);
  useLayoutEffect(() => {
    latestTick.current = tickNow;
  });
  const tick = useCallback((item: CardItem, to: CardItem["status"]) => latestTick.current(item, to), []);

  const dialog = ticking && <DoneDialog item={ticking.item} to={ticking.to} onCancel={() => setTicking(null)} onConfirm={(choice) => changeStatus(ticking.item, ticking.to, choice)} />;
  return { items, setItems, notice, setNotice, refused, tick, dialog };
}

/** What the last move or tick did (or why it was refused), read out by screen readers too. */
export function BoardNotice({ help, notice }: { help: string; notice: Notice }) {
  return (
    <>
      <p className="sr-only">{help}</p>
      <div aria-live="polite" className="min-h-6 text-sm" data-testid="board-notice">
        {notice && <p className={notice.error ? "text-red-700" : "text-emerald-700"}>{notice.text}</p>}
      </div>
    </>
  );
}
