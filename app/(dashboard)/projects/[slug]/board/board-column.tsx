"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useFormatter, useTranslations } from "next-intl";
import { memo } from "react";
import { Effort } from "@/components/roadmap/effort";
import { summarize, type CardItem, type ColumnSummary } from "@/lib/roadmap/board-state";
import { BoardCard } from "./board-card";
import type { BoardSprintView } from "./board";
import { SprintMenu } from "./sprint-menu";

type Props = {
  slug: string;
  column: { id: string; sprint: BoardSprintView | null; ids: string[] };
  items: Record<string, CardItem>;
  canMove: boolean;
  canEdit: boolean;
  nextSprintName: string | null;
  sprintOrder: string[];
  onTick: (item: CardItem, to: CardItem["status"]) => void;
};

/** A sprint (or the backlog) and its cards. */
export function BoardColumn({ slug, column, items, canMove, canEdit, nextSprintName, sprintOrder, onTick }: Props) {
  const t = useTranslations("board");
  const { setNodeRef, isOver } = useDroppable({ id: column.id, disabled: !canMove });
  const summary = summarize(column.ids, items);
  const name = column.sprint?.name ?? t("backlog");
  return (
    <section
      aria-label={name}
      className={`flex w-72 shrink-0 flex-col rounded-lg border bg-slate-100/70 ${isOver ? "border-brand-600" : "border-slate-200"}`}
      data-testid="board-column"
      data-column-id={column.id}
    >
      <ColumnHeader slug={slug} name={name} sprint={column.sprint} canEdit={canEdit} nextSprintName={nextSprintName} sprintOrder={sprintOrder} {...summary} />
      <SortableContext items={column.ids} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="flex min-h-24 flex-1 flex-col gap-2 p-2" data-testid="column-items">
          {column.ids.map((id) => items[id] && <BoardCard key={id} item={items[id]!} href={`/projects/${slug}/board/items/${id}`} canMove={canMove} canTick={canMove} onTick={onTick} />)}
          {column.ids.length === 0 && <li className="px-1 py-6 text-center text-xs text-slate-500">{canMove ? t("emptyColumnMove") : t("emptyColumn")}</li>}
        </ul>
      </SortableContext>
    </section>
  );
}

type HeaderProps = Pick<Props, "slug" | "canEdit" | "nextSprintName" | "sprintOrder"> & ColumnSummary & { name: string; sprint: BoardSprintView | null };

/** Its name and dates, effort low–high and how much is done; memoized, as a drag renders every column at each step. */
const ColumnHeader = memo(function ColumnHeader({ slug, name, sprint, canEdit, nextSprintName, sprintOrder, ...summary }: HeaderProps) {
  const t = useTranslations("board");
  const format = useFormatter();
  const percent = summary.items ? Math.round((summary.done / summary.items) * 100) : 0;
  const when = sprint?.startsOn && sprint.endsOn
    ? format.dateTimeRange(new Date(sprint.startsOn), new Date(sprint.endsOn), { month: "short", day: "numeric", timeZone: "UTC" })
    : sprint?.window;
  return (
    <header className="space-y-1 border-b border-slate-200 p-3">
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 break-words font-semibold" data-testid="column-name">{name}</h2>
        {canEdit && sprint && <SprintMenu slug={slug} sprint={sprint} unfinished={summary.items - summary.done} nextSprintName={nextSprintName} order={sprintOrder} />}
      </div>
      {when && <p className="text-xs text-slate-500">{when}</p>}
      <p className="text-xs text-slate-600" data-testid="column-summary">
        {t("columnItems", { count: summary.items, done: summary.done, percent })}
        {summary.withEffort > 0 && (
          <> · <Effort minutes={summary.effortLow} minutesHigh={summary.effortHigh === summary.effortLow ? null : summary.effortHigh} /></>
        )}
      </p>
      <div className="h-1.5 overflow-hidden rounded bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t("donePercent", { name })}>
        <div className="h-full bg-emerald-600" style={{ width: `${percent}%` }} />
      </div>
    </header>
  );
});
