"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) return setError(t("missing"));
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false }).catch(() => undefined);
    setPending(false);
    if (!result) {
      setError(t("unreachable"));
    } else if (result.ok && !result.error) {
      router.replace("/");
      router.refresh();
    } else if (result.status === 429) {
      const seconds = await retryAfter(email);
      setError(t("throttled", { minutes: Math.ceil(seconds / 60) }));
    } else {
      setError(t("invalid"));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <div>
        <label htmlFor="email" className="block text-sm font-medium">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </div>
      {error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="login-error">{error}</p>}
      <button type="submit" disabled={pending}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}

// signIn() hides the response headers, so ask again for the wait; the throttle answers 429 at once.
async function retryAfter(email: string): Promise<number> {
  const csrf = await fetch("/api/auth/csrf").then((r) => r.json() as Promise<{ csrfToken: string }>);
  const res = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "", csrfToken: csrf.csrfToken, json: "true" }),
  });
  return Number(res.headers.get("Retry-After")) || 60;
}
