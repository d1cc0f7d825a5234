"use client";

import type { DragEndEvent, DragOverEvent } from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { BACKLOG, buildColumns, findColumn, keepUnchangedColumns, placeItem, type CardItem, type Columns } from "@/lib/roadmap/board-state";
import { moveItemAction } from "./actions";
import { BoardColumn } from "./board-column";
import { CardDrag } from "./card-drag";
import { BoardNotice, useItemStatus } from "./use-item-status";

export type BoardSprintView = { id: string; name: string; window: string | null; startsOn: string | null; endsOn: string | null };
type Props = { slug: string; sprints: BoardSprintView[]; sprintOrder: string[]; items: CardItem[]; canMove: boolean; canEdit: boolean };

/**
 * The roadmap board: a column per open sprint, then the backlog. Cards move by mouse, touch or
 * keyboard (space to pick up, arrows to move, space to drop); the move shows at once and the
 * server confirms it. A move or tick someone else's change made stale is refused with a note,
 * and the board reloads as it now is.
 */
export function Board({ slug, sprints, sprintOrder, items: initialItems, canMove, canEdit }: Props) {
  const t = useTranslations("board");
  const columnIds = useMemo(() => [...sprints.map((s) => s.id), BACKLOG], [sprints]);
  const { items, setItems, notice, setNotice, refused, tick, dialog } = useItemStatus(slug, initialItems);
  const [columns, setColumns] = useState<Columns>(() => buildColumns(columnIds, initialItems));
  // The columns as they were when the drag began: what a refused or cancelled move goes back to.
  const [before, setBefore] = useState<Columns | null>(null);

  const [shown, setShown] = useState(initialItems);
  if (shown !== initialItems) {
    setShown(initialItems);
    setColumns(keepUnchangedColumns(columns, buildColumns(columnIds, initialItems)));
  }

  function onDragStart() {
    setBefore(columns);
    setNotice(null);
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    const from = findColumn(columns, String(active.id));
    const to = findColumn(columns, String(over.id));
    if (!from || !to || from === to) return;
    const overIndex = columns[to]!.indexOf(String(over.id));
    setColumns(placeItem(columns, String(active.id), to, overIndex < 0 ? columns[to]!.length : overIndex));
  }

  async function onDragEnd({ active, over }: DragEndEvent) {
    const start = before;
    setBefore(null);
    if (!start) return;
    // Dropped outside any column: the card goes back to where the drag began.
    if (!over) return setColumns(start);
    const id = String(active.id);
    const to = findColumn(columns, String(over.id));
    if (!to) return;
    const overIndex = columns[to]!.indexOf(String(over.id));
    const index = over.id === to || overIndex < 0 ? columns[to]!.filter((x) => x !== id).length : overIndex;
    const next = placeItem(columns, id, to, index);
    const place = next[to]!.indexOf(id);
    const unchanged = findColumn(start, id) === to && start[to]!.indexOf(id) === place;
    setColumns(next);
    if (unchanged) return;
    const item = items[id]!;
    const sprintId = to === BACKLOG ? null : to;
    const result = await moveItemAction(slug, id, { version: item.version, sprintId, index: place });
    if (!result.ok) {
      setColumns(start);
      return refused(result);
    }
    setItems((all) => ({ ...all, [id]: { ...all[id]!, sprintId, version: result.version ?? item.version + 1 } }));
    setNotice({ text: t("moved", { title: item.title, to: to === BACKLOG ? t("backlog") : sprints.find((s) => s.id === to)!.name }), error: false });
  }

  // columnIds are the sprints' ids in order, then the backlog's.
  const columnViews = columnIds.map((id, n) => ({ id, sprint: sprints[n] ?? null, ids: columns[id] ?? [], nextSprintName: sprints[n + 1]?.name ?? null }));

  return (
    <div className="space-y-3">
      <BoardNotice help={canMove ? t("keyboardHelp") : t("readOnly")} notice={notice} />
      <CardDrag
        disabled={!canMove}
        items={items}
        help={t("keyboardHelp")}
        columnName={columnName}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          if (before) setColumns(before);
          setBefore(null);
        }}
      >
        <div className="flex gap-4 overflow-x-auto pb-4" data-testid="board">
          {columnViews.map(({ nextSprintName, ...column }) => (
            <BoardColumn key={column.id} slug={slug} column={column} items={items} canMove={canMove} canEdit={canEdit} onTick={tick} sprintOrder={sprintOrder} nextSprintName={nextSprintName} />
          ))}
        </div>
      </CardDrag>
      {dialog}
    </div>
  );

  function columnName(id: string): string {
    const column = findColumn(columns, id);
    if (column === BACKLOG) return t("backlog");
    return sprints.find((s) => s.id === column)?.name ?? "";
  }
}
