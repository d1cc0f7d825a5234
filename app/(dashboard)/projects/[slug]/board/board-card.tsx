"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { memo, useMemo } from "react";
import { Effort } from "@/components/roadmap/effort";
import { SeverityBadge, severityOrder } from "@/components/ui/severity-badge";
import type { CardItem } from "@/lib/roadmap/board-state";

type OnTick = (item: CardItem, to: CardItem["status"]) => void;
type Props = { item: CardItem; href?: string; canMove: boolean; canTick: boolean; onTick: OnTick; overlay?: boolean };

const statusStyles: Record<CardItem["status"], string> = { todo: "bg-slate-100 text-slate-700", doing: "bg-blue-100 text-blue-800", done: "bg-emerald-100 text-emerald-800" };

/**
 * One item with a handle to drag it. dnd-kit renders every sortable card at each step of a
 * drag; only this shell does, the card's content is memoized so a 500-card board keeps up.
 */
export function BoardCard({ item, href, canMove, canTick, onTick, overlay = false }: Props) {
  const t = useTranslations("board");
  const sortable = useSortable({ id: item.id, disabled: !canMove || overlay });
  const handleLabel = useMemo(() => t("dragHandle", { title: item.title }), [t, item.title]);
  const style = overlay ? undefined : { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition };
  return (
    <li
      ref={overlay ? undefined : sortable.setNodeRef}
      style={style}
      className={`flex items-start gap-2 rounded-md border bg-white p-3 text-sm shadow-sm ${sortable.isDragging && !overlay ? "opacity-40" : ""} ${overlay ? "border-brand-600 shadow-lg" : "border-slate-200"}`}
      data-testid="board-card"
      data-item-id={item.id}
    >
      {canMove && !overlay && (
        <button
          type="button"
          className="-ml-1 cursor-grab touch-none rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:text-slate-700"
          {...sortable.attributes}
          {...sortable.listeners}
          aria-label={handleLabel}
          data-testid="drag-handle"
        >
          ⠿
        </button>
      )}
      <CardContent item={item} href={overlay ? undefined : href} canTick={canTick} onTick={onTick} />
    </li>
  );
}

/** Title, status, effort, the severities of its findings, who has it, and the done tick. */
const CardContent = memo(function CardContent({ item, href, canTick, onTick }: { item: CardItem; href?: string; canTick: boolean; onTick: OnTick }) {
  const t = useTranslations("board");
  const tc = useTranslations();
  const severities = severityOrder.filter((s) => item.findings.some((f) => f.severity === s));
  return (
    <div className="min-w-0 flex-1">
      <p className={`break-words font-medium ${item.status === "done" ? "text-slate-500 line-through" : ""}`}>
        {href ? <Link href={href} className="hover:text-brand-700 hover:underline" data-testid="card-title">{item.title}</Link> : item.title}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-1.5">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusStyles[item.status]}`} data-testid="card-status">{t(`status.${item.status}`)}</span>
        {item.effortMinutes !== null && (
          <span className="rounded bg-slate-50 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-200" data-testid="card-effort">
            <Effort minutes={item.effortMinutes} minutesHigh={item.effortMinutesHigh} />
          </span>
        )}
        {severities.map((s) => <SeverityBadge key={s} severity={s} label={tc(`severity.${s}`)} />)}
      </div>
      {(item.assignee || canTick) && (
        <div className="mt-2 flex items-center justify-between gap-2 text-xs text-slate-500">
          <span className="truncate">{item.assignee ? (item.assignee.name ?? item.assignee.email) : ""}</span>
          {canTick && (
            <label className="flex items-center gap-1 text-slate-700">
              <input type="checkbox" checked={item.status === "done"} onChange={(e) => onTick(item, e.currentTarget.checked ? "done" : "todo")} data-testid="tick-done" aria-label={t("tickLabel", { title: item.title })} />
              {t("done")}
            </label>
          )}
        </div>
      )}
    </div>
  );
});
