import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { proposeAutoPlan } from "@/lib/roadmap/propose-auto-plan";
import { PlanEditor } from "./plan-editor";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  return { title: (await getTranslations("board"))("autoPlanTitle") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Auto-plan: the capacity asked first (a GET form, so a proposal has a URL), then the proposal to adjust and apply. */
export default async function AutoPlanPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  if (!can(user, "roadmap.write")) notFound();
  const project = await getProjectForPage((await params).slug);
  const search = await searchParams;
  const t = await getTranslations("board");
  const asked = first(search.capacityHours) !== undefined;
  const values = { capacityHours: first(search.capacityHours) ?? "40", sprintCount: first(search.sprintCount) ?? "4" };
  let proposal: Awaited<ReturnType<typeof proposeAutoPlan>> | null = null;
  let fieldErrors: Record<string, string[]> = {};
  if (asked) {
    try {
      proposal = await proposeAutoPlan(project.id, values);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      fieldErrors = error.fieldErrors ?? {};
    }
  }
  const board = `/projects/${project.slug}/board`;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <Link href={board} className="text-sm text-brand-700 hover:underline">← {t("backToBoard")}</Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("autoPlanTitle")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("autoPlanIntro")}</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="auto-plan-form">
        <label className="text-sm">
          <span className="block font-medium">{t("capacityHours")}</span>
          <input name="capacityHours" defaultValue={values.capacityHours} inputMode="decimal" className="mt-1 w-32 rounded-md border border-slate-300 px-2 py-1.5" aria-invalid={fieldErrors.capacityHours ? true : undefined} data-testid="capacity-hours" />
          {fieldErrors.capacityHours && <span className="mt-1 block text-red-700">{fieldErrors.capacityHours.join(" ")}</span>}
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t("sprintCount")}</span>
          <input name="sprintCount" defaultValue={values.sprintCount} inputMode="numeric" className="mt-1 w-24 rounded-md border border-slate-300 px-2 py-1.5" aria-invalid={fieldErrors.sprintCount ? true : undefined} data-testid="sprint-count" />
          {fieldErrors.sprintCount && <span className="mt-1 block text-red-700">{fieldErrors.sprintCount.join(" ")}</span>}
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" data-testid="propose">{t("propose")}</button>
      </form>
      {proposal && (proposal.sprints.length > 0 || proposal.unplanned.length > 0 ? (
        <PlanEditor key={`${proposal.capacityHours}:${proposal.sprintCount}`} slug={project.slug} proposal={proposal} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600" data-testid="auto-plan-empty">
          {t("autoPlanNothing", { skipped: proposal.skipped.length })}
        </p>
      ))}
    </div>
  );
}
