"use client";

import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import type { CardItem } from "@/lib/roadmap/board-state";
import { BoardCard } from "./board-card";

type Props = {
  /** For those who may not move cards: the columns alone, nothing to pick up. */
  disabled: boolean;
  items: Record<string, CardItem>;
  /** Read out before a drag: how to pick up, move and drop a card. */
  help: string;
  /** The column a card over `id` (a column or a card in it) would land in, as people call it. */
  columnName: (id: string) => string;
  onDragStart?: () => void;
  onDragOver?: (event: DragOverEvent) => void;
  onDragEnd: (event: DragEndEvent) => void;
  onDragCancel?: () => void;
  children: ReactNode;
};

const noTick = () => {};

/**
 * Dragging cards between columns, for both boards: the sensors, the card under the pointer, and
 * what screen readers hear at each step. The board says what a drop does.
 */
export function CardDrag({ disabled, items, help, columnName, onDragStart, onDragOver, onDragEnd, onDragCancel, children }: Props) {
  const t = useTranslations("board");
  const [active, setActive] = useState<string | null>(null);
  const title = (id: string | number) => items[String(id)]?.title ?? "";
  // A mouse after 5 px (so a click on its title still navigates), a finger after a 200 ms press
  // (so a swipe still scrolls the board), or Space on its handle. A keyboard step scrolls at
  // once: a smooth scroll holds the card back until it ends.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, scrollBehavior: "auto" }),
  );
  if (disabled) return children;
  const dragged = active ? items[active] : undefined;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={({ active: a }) => {
        setActive(String(a.id));
        onDragStart?.();
      }}
      onDragOver={onDragOver}
      onDragEnd={(event) => {
        setActive(null);
        onDragEnd(event);
      }}
      onDragCancel={() => {
        setActive(null);
        onDragCancel?.();
      }}
      accessibility={{
        screenReaderInstructions: { draggable: help },
        announcements: {
          onDragStart: ({ active: a }) => t("pickedUp", { title: title(a.id) }),
          onDragOver: ({ over }) => (over ? t("over", { column: columnName(String(over.id)) }) : undefined),
          onDragEnd: ({ active: a, over }) => (over ? t("dropped", { title: title(a.id), column: columnName(String(over.id)) }) : t("cancelled")),
          onDragCancel: () => t("cancelled"),
        },
      }}
    >
      {children}
      <DragOverlay>{dragged ? <BoardCard item={dragged} canMove canTick={false} onTick={noTick} overlay /> : null}</DragOverlay>
    </DndContext>
  );
}
