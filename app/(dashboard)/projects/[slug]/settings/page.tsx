import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { gateCriterionKeys, type GateCriterionKey } from "@/lib/maturity/gate";
import { findGateCriteria } from "@/lib/maturity/find-gate-criteria";
import { getMaturitySettings } from "@/lib/maturity/get-maturity-settings";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { GateForm } from "./gate-form";
import { MaturitySettingsForm } from "./maturity-settings-form";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

// Thresholds a criterion starts with when a lead first switches it on.
const suggested: Record<GateCriterionKey, number> = {
  max_open_critical: 0, max_open_high: 0, min_line_coverage: 80, max_p95_ms: 300, max_error_rate: 0.01, all_tests_pass: 1, max_scan_age_days: 7,
};

export default async function ProjectSettingsPage({ params }: Props) {
  const user = await requirePageUser();
  if (!can(user, "projects.write")) notFound();
  const project = await getProjectForPage((await params).slug);
  const [t, criteria, settings] = await Promise.all([getTranslations("settings"), findGateCriteria(project.id), getMaturitySettings(project.id)]);
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  // A project that names no criterion is held to "no open critical" (the gate's default).
  const none = criteria.length === 0;
  const gate = gateCriterionKeys.map((key) => {
    const c = byKey.get(key);
    return { key, threshold: c?.threshold ?? suggested[key], enabled: c ? c.enabled : none && key === "max_open_critical", label: c?.label ?? null, source: c?.source ?? null };
  });
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="text-xs text-slate-500"><Link href={`/projects/${project.slug}`} className="hover:underline">{project.name}</Link></p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      <GateForm slug={project.slug} criteria={gate} />
      <MaturitySettingsForm slug={project.slug} settings={settings} />
    </div>
  );
}
