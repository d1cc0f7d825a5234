import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { ReportImport } from "./report-import";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("title") };
}

export default async function ImportReportPage({ params }: Props) {
  const user = await requirePageUser();
  // Those who may not import get the same answer as for a page that does not exist.
  if (!can(user, "imports.write")) notFound();
  const project = await getProjectForPage((await params).slug);
  const t = await getTranslations("reports");
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <div>
        <p className="text-xs text-slate-500"><Link href={`/projects/${project.slug}`} className="hover:underline">{project.name}</Link></p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      <ReportImport slug={project.slug} maxBytes={env().REPORT_MAX_BYTES}
        categories={project.categories.map((c) => ({ key: c.key, name: c.name }))} />
    </div>
  );
}
