import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { ProjectForm } from "./project-form";

export async function generateMetadata() {
  return { title: (await getTranslations("projectForm"))("title") };
}

export default async function NewProjectPage() {
  const user = await requirePageUser();
  if (!can(user, "projects.write")) notFound();
  const t = await getTranslations("projectForm");
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
      <ProjectForm />
    </div>
  );
}
