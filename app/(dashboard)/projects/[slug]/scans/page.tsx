import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { findScans } from "@/lib/ingest/find-scans";
import { scanParsers } from "@/lib/ingest/scan-formats";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { ScanHistory } from "./scan-history";
import { ScanUpload } from "./scan-upload";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("scans"))("title") };
}

export default async function ScansPage({ params }: Props) {
  const user = await requirePageUser();
  const project = await getProjectForPage((await params).slug);
  const [t, scans] = await Promise.all([getTranslations("scans"), findScans(project.id, { limit: 50 })]);
  const canUpload = can(user, "imports.write");
  const formats = scanParsers.map((p) => ({ format: p.format, name: p.name }));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-xs text-slate-500"><Link href={`/projects/${project.slug}`} className="hover:underline">{project.name}</Link></p>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-slate-600">{t("intro")}</p>
        </div>
        {can(user, "tokens.write") && (
          <Link href={`/projects/${project.slug}/tokens`} data-testid="api-tokens" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            {t("tokens")}
          </Link>
        )}
      </div>
      {canUpload && <ScanUpload slug={project.slug} maxBytes={env().SCAN_MAX_BYTES} formats={formats} />}
      <ScanHistory slug={project.slug} scans={scans} canUpload={canUpload} />
    </div>
  );
}
