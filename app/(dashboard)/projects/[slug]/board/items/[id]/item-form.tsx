"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { updateItemAction } from "../../actions";

type Values = { title: string; effort: string; description: string; assigneeId: string };
type Props = { slug: string; item: Values & { id: string; version: number }; users: { id: string; email: string }[] };

/** A lead's edit of an item. The version read with the page guards against overwriting someone else's edit. */
export function ItemForm({ slug, item, users }: Props) {
  const t = useTranslations("board");
  const router = useRouter();
  const [values, setValues] = useState<Values>(item);
  const [state, setState] = useState<{ pending: boolean; saved?: boolean; error?: string; conflict?: boolean; fieldErrors?: Record<string, string[]> }>({ pending: false });
  // After a conflict the page reloads with the item as it now is: show that, not the refused edit.
  const [seenVersion, setSeenVersion] = useState(item.version);
  if (seenVersion !== item.version) {
    setSeenVersion(item.version);
    if (state.conflict) setValues({ title: item.title, effort: item.effort, description: item.description, assigneeId: item.assigneeId });
  }
  const bind = (name: keyof Values) => ({ value: values[name], onChange: (e: { currentTarget: { value: string } }) => setValues((v) => ({ ...v, [name]: e.currentTarget.value })) });

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ pending: true });
    const result = await updateItemAction(slug, item.id, { version: item.version, ...values });
    if (!result.ok) {
      setState({ pending: false, error: result.conflict ? t("conflict") : result.error, conflict: result.conflict, fieldErrors: result.fieldErrors });
      if (result.conflict) router.refresh();
      return;
    }
    setState({ pending: false, saved: true });
    router.refresh();
  }

  return (
    <form onSubmit={save} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" data-testid="item-form">
      <h2 className="font-semibold">{t("editItem")}</h2>
      <Field name="title" label={t("itemTitle")} errors={state.fieldErrors?.title}>{(p) => <input {...p} {...bind("title")} required maxLength={500} />}</Field>
      <Field name="effort" label={t("effort")} help={t("effortHelp")} errors={state.fieldErrors?.effort}>{(p) => <input {...p} {...bind("effort")} data-testid="item-effort" />}</Field>
      <Field name="assigneeId" label={t("assignee")} errors={state.fieldErrors?.assigneeId}>
        {(p) => (
          <select {...p} {...bind("assigneeId")}>
            <option value="">{t("nobody")}</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.email}</option>)}
          </select>
        )}
      </Field>
      <Field name="description" label={t("description")} errors={state.fieldErrors?.description}>{(p) => <textarea {...p} {...bind("description")} rows={5} />}</Field>
      {state.error && !state.fieldErrors && <p className="text-sm text-red-700" data-testid="item-error">{state.error}</p>}
      {state.saved && <p className="text-sm text-emerald-700" data-testid="item-saved">{t("saved")}</p>}
      <button type="submit" disabled={state.pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="save-item">
        {state.pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
