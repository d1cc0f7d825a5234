import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getProjectForPage } from "@/lib/projects/get-project-for-page";
import { findApiTokens } from "@/lib/tokens/find-api-tokens";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("tokens"))("title") };
}

export default async function TokensPage({ params }: Props) {
  const user = await requirePageUser();
  if (!can(user, "tokens.write")) notFound();
  const project = await getProjectForPage((await params).slug);
  const [t, format, tokens] = await Promise.all([getTranslations("tokens"), getFormatter(), findApiTokens(project.id)]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <p className="text-xs text-slate-500">
          <Link href={`/projects/${project.slug}`} className="hover:underline">{project.name}</Link> / <Link href={`/projects/${project.slug}/scans`} className="hover:underline">{t("scans")}</Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-600">{t("intro")}</p>
      </div>
      <CreateTokenForm slug={project.slug} />
      {tokens.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[640px] text-left text-sm" data-testid="token-list">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-2">{t("columns.name")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.prefix")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.created")}</th>
                <th scope="col" className="px-3 py-2">{t("columns.lastUsed")}</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">{t("columns.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td className="px-4 py-2 font-medium">{token.name}{token.createdBy && <span className="block text-xs font-normal text-slate-500">{token.createdBy.email}</span>}</td>
                  <td className="px-3 py-2 font-mono text-xs">{token.prefix}…</td>
                  <td className="whitespace-nowrap px-3 py-2">{when(token.createdAt)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{when(token.lastUsedAt)}</td>
                  <td className="px-3 py-2 text-right">
                    {token.revokedAt ? <span className="text-slate-500">{t("revokedOn", { date: when(token.revokedAt) })}</span> : <RevokeTokenButton slug={project.slug} tokenId={token.id} name={token.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 className="font-semibold">{t("ciTitle")}</h2>
        <p className="mt-1 text-slate-600">{t("ciBody")}</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{`curl -fsS -H "Authorization: Bearer $READYBOARD_TOKEN" \\
  -F file=@trivy.json -F branch=main \\
  <readyboard-url>/api/v1/projects/${project.slug}/scans`}</pre>
      </section>
    </div>
  );
}
