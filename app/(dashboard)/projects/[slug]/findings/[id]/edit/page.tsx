import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { getFinding } from "@/lib/findings/get-finding";
import { findAssignableUsers } from "@/lib/users/find-assignable-users";
import { FindingForm } from "@/components/findings/finding-form";
import { updateFindingAction } from "../../actions";

type Props = { params: Promise<{ slug: string; id: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("findings"))("editFinding") };
}

export default async function EditFindingPage({ params }: Props) {
  const { slug, id } = await params;
  const user = await requirePageUser();
  if (!can(user, "findings.write")) notFound();
  const project = await getProjectForPage(slug);
  const finding = await getFinding(project.id, id);
  if (!finding) notFound();
  const [t, users] = await Promise.all([getTranslations("findings"), findAssignableUsers()]);
  const location = finding.locations[0];
  const initial: Record<string, string> = {
    title: finding.title,
    ref: finding.ref ?? "",
    description: finding.description,
    recommendation: finding.recommendation ?? "",
    severity: finding.severity,
    kind: finding.kind,
    categoryId: finding.categoryId ?? "",
    assigneeId: finding.assigneeId ?? "",
    file: location?.file ?? "",
    line: location?.line ? String(location.line) : "",
  };
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-xs text-slate-500">{project.name}</p>
      <h1 className="mb-6 break-words text-2xl font-semibold">{t("editFinding")}</h1>
      <FindingForm action={updateFindingAction} projectSlug={project.slug} findingId={finding.id}
        cancelHref={`/projects/${project.slug}/findings/${finding.id}`}
        categories={project.categories.map((c) => ({ id: c.id, name: c.name }))} users={users} initial={initial} />
    </div>
  );
}
