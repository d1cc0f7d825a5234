import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage() {
  if (await getSessionUser()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm font-semibold text-brand-700">{t("app.name")}</p>
        <h1 className="mb-6 mt-1 text-xl font-semibold">{t("login.title")}</h1>
        <LoginForm />
      </div>
    </main>
  );
}
