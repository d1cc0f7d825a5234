"use client";

import { useDroppable, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { itemStatuses } from "@/lib/roadmap/schema";
import type { CardItem } from "@/lib/roadmap/board-state";
import { BoardCard } from "./board-card";
import { CardDrag } from "./card-drag";
import { BoardNotice, useItemStatus } from "./use-item-status";

type Status = CardItem["status"];
type Props = { slug: string; items: CardItem[]; canMove: boolean };

/**
 * One sprint by status: To do, Doing, Done. Dragging a card to another column (mouse, touch, or
 * Space and the arrow keys) changes its status; into Done it offers its findings for resolving.
 */
export function StatusBoard({ slug, items: initialItems, canMove }: Props) {
  const t = useTranslations("board");
  const { items, notice, setNotice, tick, dialog } = useItemStatus(slug, initialItems);
  const ordered = initialItems.map((i) => items[i.id]!).filter(Boolean);
  const byStatus = (status: Status) => ordered.filter((i) => i.status === status);
  // Over a column its id is the status; over a card, the card's status.
  const statusOf = (id: string): Status | null => (itemStatuses as readonly string[]).includes(id) ? (id as Status) : (items[id]?.status ?? null);

  function onDragEnd({ active, over }: DragEndEvent) {
    const item = items[String(active.id)];
    const to = over ? statusOf(String(over.id)) : null;
    if (item && to && to !== item.status) tick(item, to);
  }

  return (
    <div className="space-y-3">
      <BoardNotice help={canMove ? t("statusKeyboardHelp") : t("readOnly")} notice={notice} />
      <CardDrag
        disabled={!canMove}
        items={items}
        help={t("statusKeyboardHelp")}
        columnName={(id) => t(`status.${statusOf(id) ?? "todo"}`)}
        onDragStart={() => setNotice(null)}
        onDragEnd={onDragEnd}
      >
        <div className="grid gap-4 md:grid-cols-3" data-testid="status-board">
          {itemStatuses.map((status) => (
            <StatusColumn key={status} status={status} label={t(`status.${status}`)} items={byStatus(status)} slug={slug} canMove={canMove} onTick={tick} empty={canMove ? t("emptyColumnMove") : t("emptyColumn")} />
          ))}
        </div>
      </CardDrag>
      {dialog}
    </div>
  );
}

type ColumnProps = { status: Status; label: string; items: CardItem[]; slug: string; canMove: boolean; empty: string; onTick: (item: CardItem, to: Status) => void };

function StatusColumn({ status, label, items, slug, canMove, empty, onTick }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: status, disabled: !canMove });
  return (
    <section aria-label={label} className={`flex flex-col rounded-lg border bg-slate-100/70 ${isOver ? "border-brand-600" : "border-slate-200"}`} data-testid="status-column" data-status={status}>
      <h2 className="border-b border-slate-200 p-3 font-semibold">{label} <span className="font-normal text-slate-500">({items.length})</span></h2>
      <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="flex min-h-24 flex-1 flex-col gap-2 p-2">
          {items.map((item) => <BoardCard key={item.id} item={item} href={`/projects/${slug}/board/items/${item.id}`} canMove={canMove} canTick={canMove} onTick={onTick} />)}
          {items.length === 0 && <li className="px-1 py-6 text-center text-xs text-slate-500">{empty}</li>}
        </ul>
      </SortableContext>
    </section>
  );
}
