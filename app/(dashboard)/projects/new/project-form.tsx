"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { createProjectAction } from "./actions";

export function ProjectForm() {
  const t = useTranslations("projectForm");
  const [state, action, pending] = useActionState(createProjectAction, {});
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6" noValidate>
      <Field name="name" label={t("name")} errors={e.name}>
        {(p) => <input {...p} defaultValue={v.name} required maxLength={120} />}
      </Field>
      <Field name="slug" label={t("slug")} help={t("slugHelp")} errors={e.slug}>
        {(p) => <input {...p} defaultValue={v.slug} required maxLength={48} autoCapitalize="none" />}
      </Field>
      <Field name="description" label={t("description")} errors={e.description}>
        {(p) => <textarea {...p} defaultValue={v.description} rows={3} />}
      </Field>
      <Field name="repoUrl" label={t("repoUrl")} errors={e.repoUrl}>
        {(p) => <input {...p} defaultValue={v.repoUrl} type="url" />}
      </Field>
      <Field name="ownerTeam" label={t("ownerTeam")} errors={e.ownerTeam}>
        {(p) => <input {...p} defaultValue={v.ownerTeam} />}
      </Field>
      {state.error && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">{state.error}</p>}
      <div className="flex gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? t("submitting") : t("submit")}
        </button>
        <Link href="/" className="rounded-md border border-slate-300 px-4 py-2 text-sm">{t("cancel")}</Link>
      </div>
    </form>
  );
}
