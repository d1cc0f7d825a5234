import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getBoard } from "@/lib/roadmap/get-board";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { Board } from "./board";
import { BoardInsights } from "./board-insights";
import { NewItemForm } from "./new-item-form";
import { NewSprintForm } from "./new-sprint-form";
import { StatusBoard } from "./status-board";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("board"))("title") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function BoardPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const project = await getProjectForPage((await params).slug);
  const search = await searchParams;
  const [t, board] = await Promise.all([getTranslations("board"), getBoard(project.id)]);
  const open = board.sprints.filter((s) => !s.closedAt);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const canEdit = can(user, "roadmap.write");
  const canMove = can(user, "roadmap.status");
  const base = `/projects/${project.slug}/board`;
  // ?sprint=… shows that sprint by status; a closed or unknown one falls back to the board.
  const statusSprint = open.find((s) => s.id === first(search.sprint)) ?? null;
  const planned = Number(first(search.planned));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-xs text-slate-500"><Link href={`/projects/${project.slug}`} className="hover:underline">{project.name}</Link></p>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{canMove ? t("intro") : t("introViewer")}</p>
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <Link href={`/projects/${project.slug}/board/plan`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50" data-testid="auto-plan">{t("autoPlan")}</Link>
            <NewSprintForm slug={project.slug} />
          </div>
        )}
      </div>
      {board.items.length === 0 && open.length === 0 && (
        <EmptyState title={t("title")} body={canEdit ? t("boardEmpty") : t("boardEmptyViewer")} />
      )}
      {planned > 0 && <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="plan-applied">{t("planApplied", { count: planned })}</p>}
      <nav aria-label={t("views")} className="-mx-1 flex items-center gap-2 overflow-x-auto whitespace-nowrap px-1 pb-1 text-sm" data-testid="board-views">
        <Link href={base} aria-current={statusSprint ? undefined : "page"} className={`rounded-md px-3 py-1.5 ${statusSprint ? "text-brand-700 hover:bg-slate-100" : "bg-slate-900 text-white"}`}>{t("allSprints")}</Link>
        {open.map((s) => (
          <Link key={s.id} href={`${base}?sprint=${s.id}`} aria-current={statusSprint?.id === s.id ? "page" : undefined} className={`rounded-md px-3 py-1.5 ${statusSprint?.id === s.id ? "bg-slate-900 text-white" : "text-brand-700 hover:bg-slate-100"}`} data-testid="status-view-link">
            {t("byStatus", { name: s.name })}
          </Link>
        ))}
      </nav>
      {canEdit && !statusSprint && <NewItemForm slug={project.slug} sprints={open.map((s) => ({ id: s.id, name: s.name }))} />}
      {statusSprint ? (
        <>
          <h2 className="text-lg font-semibold" data-testid="status-sprint">{statusSprint.name}</h2>
          <StatusBoard key={statusSprint.id} slug={project.slug} items={board.items.filter((i) => i.sprintId === statusSprint.id)} canMove={canMove} />
        </>
      ) : (
        <Board
          slug={project.slug}
          sprints={open.map((s) => ({ id: s.id, name: s.name, window: s.window, startsOn: iso(s.startsOn), endsOn: iso(s.endsOn) }))}
          sprintOrder={board.sprints.map((s) => s.id)}
          items={board.items.filter((i) => !i.sprintId || open.some((s) => s.id === i.sprintId))}
          canMove={canMove}
          canEdit={canEdit}
        />
      )}
      <BoardInsights projectId={project.id} board={board} />
    </div>
  );
}
