"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { createUserAction } from "./actions";

const roles = ["viewer", "engineer", "lead", "admin"] as const;

export function CreateUserForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createUserAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 md:grid-cols-2">
      <h2 className="text-base font-semibold md:col-span-2">{t("users.create")}</h2>
      <Field name="email" label={t("users.email")} errors={e.email}>
        {(p) => <input {...p} type="email" defaultValue={v.email} autoComplete="off" />}
      </Field>
      <Field name="name" label={t("users.name")} errors={e.name}>
        {(p) => <input {...p} defaultValue={v.name} />}
      </Field>
      <Field name="role" label={t("users.role")} errors={e.role}>
        {(p) => (
          <select {...p} defaultValue={v.role ?? "viewer"}>
            {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
        )}
      </Field>
      <Field name="password" label={t("users.password")} help={t("users.passwordHelp")} errors={e.password}>
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <div className="md:col-span-2">
        {state.error && !state.fieldErrors && <p className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{state.error}</p>}
        {state.ok && (
          <div className="mb-3 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900" data-testid="user-created">
            <p>{t("users.created", { email: state.email ?? "" })}</p>
            {state.password && <p className="mt-1 font-mono" data-testid="generated-password">{t("users.generatedPassword", { password: state.password })}</p>}
          </div>
        )}
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? t("users.creating") : t("users.create")}
        </button>
      </div>
    </form>
  );
}
