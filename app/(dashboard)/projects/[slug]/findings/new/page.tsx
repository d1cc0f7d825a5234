import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { findAssignableUsers } from "@/lib/users/find-assignable-users";
import { FindingForm } from "@/components/findings/finding-form";
import { createFindingAction } from "../actions";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("findings"))("newFinding") };
}

export default async function NewFindingPage({ params }: Props) {
  const user = await requirePageUser();
  // Those who may not add findings get the same answer as for a page that does not exist.
  if (!can(user, "findings.write")) notFound();
  const project = await getProjectForPage((await params).slug);
  const [t, users] = await Promise.all([getTranslations("findings"), findAssignableUsers()]);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-xs text-slate-500">{project.name}</p>
      <h1 className="mb-6 text-2xl font-semibold">{t("newFinding")}</h1>
      <FindingForm action={createFindingAction} projectSlug={project.slug} cancelHref={`/projects/${project.slug}`}
        categories={project.categories.map((c) => ({ id: c.id, name: c.name }))} users={users} />
    </div>
  );
}
