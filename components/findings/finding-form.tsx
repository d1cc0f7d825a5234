"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-result";
import type { FindingKind, Severity } from "@/lib/generated/prisma/enums";

type Props = {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  projectSlug: string;
  findingId?: string;
  cancelHref: string;
  categories: { id: string; name: string }[];
  users: { id: string; email: string }[];
  initial?: Record<string, string>;
};

const severities: Severity[] = ["critical", "high", "medium", "low", "info"];
const kinds: FindingKind[] = ["gap", "missing", "inconsistency", "vulnerability", "misconfiguration", "secret", "quality"];

/** Create and edit form of a finding; after a refused save it shows what was typed, not the old values. */
export function FindingForm({ action, projectSlug, findingId, cancelHref, categories, users, initial = {} }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? initial;
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2">
      <input type="hidden" name="projectSlug" value={projectSlug} />
      {findingId && <input type="hidden" name="findingId" value={findingId} />}
      <div className="sm:col-span-2">
        <Field name="title" label={t("findings.fields.title")} errors={e.title}>
          {(p) => <input {...p} defaultValue={v.title} maxLength={300} aria-required />}
        </Field>
      </div>
      <Field name="ref" label={t("findings.fields.ref")} help={t("findings.fields.refHelp")} errors={e.ref}>
        {(p) => <input {...p} defaultValue={v.ref} maxLength={60} />}
      </Field>
      <Field name="severity" label={t("findings.fields.severity")} errors={e.severity}>
        {(p) => (
          <select {...p} defaultValue={v.severity ?? "medium"}>
            {severities.map((s) => <option key={s} value={s}>{t(`severity.${s}`)}</option>)}
          </select>
        )}
      </Field>
      <Field name="kind" label={t("findings.fields.kind")} errors={e.kind}>
        {(p) => (
          <select {...p} defaultValue={v.kind ?? "gap"}>
            {kinds.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </select>
        )}
      </Field>
      <Field name="categoryId" label={t("findings.fields.categoryId")} errors={e.categoryId}>
        {(p) => (
          <select {...p} defaultValue={v.categoryId ?? ""}>
            <option value="">{t("findings.fields.noCategory")}</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        )}
      </Field>
      <Field name="file" label={t("findings.fields.file")} errors={e.file}>
        {(p) => <input {...p} defaultValue={v.file} placeholder="src/app.ts" maxLength={1000} />}
      </Field>
      <Field name="line" label={t("findings.fields.line")} errors={e.line}>
        {(p) => <input {...p} defaultValue={v.line} inputMode="numeric" />}
      </Field>
      <Field name="assigneeId" label={t("findings.fields.assigneeId")} errors={e.assigneeId}>
        {(p) => (
          <select {...p} defaultValue={v.assigneeId ?? ""}>
            <option value="">{t("findings.fields.nobody")}</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.email}</option>)}
          </select>
        )}
      </Field>
      <div className="sm:col-span-2">
        <Field name="description" label={t("findings.fields.description")} errors={e.description}>
          {(p) => <textarea {...p} defaultValue={v.description} rows={5} />}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field name="recommendation" label={t("findings.fields.recommendation")} errors={e.recommendation}>
          {(p) => <textarea {...p} defaultValue={v.recommendation} rows={3} />}
        </Field>
      </div>
      {state.error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 sm:col-span-2" data-testid="form-error">{state.error}</p>}
      <div className="flex gap-3 sm:col-span-2">
        <button type="submit" data-testid="save-finding" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t("findings.saving") : t("findings.save")}
        </button>
        <Link href={cancelHref} className="rounded-md border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">{t("findings.cancel")}</Link>
      </div>
    </form>
  );
}
