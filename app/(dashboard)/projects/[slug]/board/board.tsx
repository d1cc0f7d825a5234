"use client";

import {
  closestCorners,
  DndContext,
  DragOverlay,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { BACKLOG, buildColumns, findColumn, keepUnchangedColumns, placeItem, type CardItem, type Columns } from "@/lib/roadmap/board-state";
import { moveItemAction } from "./actions";
import { BoardCard } from "./board-card";
import { BoardColumn } from "./board-column";
import { useBoardSensors } from "./board-sensors";
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
  const [dragging, setDragging] = useState<{ id: string; before: Columns } | null>(null);

  const [shown, setShown] = useState(initialItems);
  if (shown !== initialItems) {
    setShown(initialItems);
    setColumns(keepUnchangedColumns(columns, buildColumns(columnIds, initialItems)));
  }

  const sensors = useBoardSensors();

  function onDragStart({ active }: DragStartEvent) {
    setDragging({ id: String(active.id), before: columns });
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
    const start = dragging;
    setDragging(null);
    if (!over || !start) return;
    const id = String(active.id);
    const to = findColumn(columns, String(over.id));
    if (!to) return;
    const overIndex = columns[to]!.indexOf(String(over.id));
    const index = over.id === to || overIndex < 0 ? columns[to]!.filter((x) => x !== id).length : overIndex;
    const next = placeItem(columns, id, to, index);
    const place = next[to]!.indexOf(id);
    const unchanged = findColumn(start.before, id) === to && start.before[to]!.indexOf(id) === place;
    setColumns(next);
    if (unchanged) return;
    const item = items[id]!;
    const sprintId = to === BACKLOG ? null : to;
    const result = await moveItemAction(slug, id, { version: item.version, sprintId, index: place });
    if (!result.ok) {
      setColumns(start.before);
      return refused(result);
    }
    setItems((all) => ({ ...all, [id]: { ...all[id]!, sprintId, version: result.version ?? item.version + 1 } }));
    setNotice({ text: t("moved", { title: item.title, to: to === BACKLOG ? t("backlog") : sprints.find((s) => s.id === to)!.name }), error: false });
  }

  const active = dragging ? items[dragging.id] : null;
  const columnViews = columnIds.map((id) => ({ id, sprint: sprints.find((s) => s.id === id) ?? null, ids: columns[id] ?? [] }));

  const body = (
    <div className="flex gap-4 overflow-x-auto pb-4" data-testid="board">
      {columnViews.map((c) => (
        <BoardColumn key={c.id} slug={slug} column={c} items={items} canMove={canMove} canEdit={canEdit} onTick={tick} sprintOrder={sprintOrder} nextSprintName={sprints[sprints.findIndex((s) => s.id === c.id) + 1]?.name ?? null} />
      ))}
    </div>
  );

  return (
    <div className="space-y-3">
      <BoardNotice help={canMove ? t("keyboardHelp") : t("readOnly")} notice={notice} />
      {canMove ? (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCorners}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={() => {
            if (dragging) setColumns(dragging.before);
            setDragging(null);
          }}
          accessibility={{
            screenReaderInstructions: { draggable: t("keyboardHelp") },
            announcements: {
              onDragStart: ({ active: a }) => t("pickedUp", { title: items[String(a.id)]?.title ?? "" }),
              onDragOver: ({ over }) => (over ? t("over", { column: columnName(String(over.id)) }) : undefined),
              onDragEnd: ({ active: a, over }) => (over ? t("dropped", { title: items[String(a.id)]?.title ?? "", column: columnName(String(over.id)) }) : t("cancelled")),
              onDragCancel: () => t("cancelled"),
            },
          }}
        >
          {body}
          <DragOverlay>{active ? <BoardCard item={active} canMove canTick={false} onTick={() => {}} overlay /> : null}</DragOverlay>
        </DndContext>
      ) : (
        body
      )}
      {dialog}
    </div>
  );

  function columnName(id: string): string {
    const column = findColumn(columns, id);
    if (column === BACKLOG) return t("backlog");
    return sprints.find((s) => s.id === column)?.name ?? "";
  }
}
