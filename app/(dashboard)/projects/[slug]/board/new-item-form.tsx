"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { createItemAction } from "./actions";

/** A roadmap item by hand: a title, its effort ("2 h", "3-5 d") and where it goes. */
export function NewItemForm({ slug, sprints }: { slug: string; sprints: { id: string; name: string }[] }) {
  const t = useTranslations("board");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  async function create(data: FormData) {
    const input = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
    const result = await createItemAction(slug, input);
    if (!result.ok) {
      setValues(input);
      return setErrors(result.fieldErrors ?? { _: [result.error] });
    }
    setErrors({});
    setValues({});
    form.current?.reset();
    router.refresh();
  }
  return (
    <form ref={form} action={create} className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="new-item">
      <label className="min-w-[14rem] flex-1">
        <span className="font-medium">{t("newItem")}</span>
        <input name="title" required maxLength={500} defaultValue={values.title} key={`t-${values.title ?? ""}`} placeholder={t("titlePlaceholder")} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5" data-testid="item-title" />
      </label>
      <label className="w-32">
        <span className="font-medium">{t("effort")}</span>
        <input name="effort" maxLength={100} defaultValue={values.effort} key={`e-${values.effort ?? ""}`} placeholder="2 h" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5" aria-invalid={errors.effort ? true : undefined} data-testid="item-effort" />
      </label>
      <label className="w-48">
        <span className="font-medium">{t("sprint")}</span>
        <select name="sprintId" defaultValue={values.sprintId ?? sprints[0]?.id ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5" data-testid="item-sprint">
          {sprints.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          <option value="">{t("backlog")}</option>
        </select>
      </label>
      <button type="submit" className="rounded-md bg-slate-800 px-4 py-1.5 font-medium text-white hover:bg-slate-900" data-testid="add-item">{t("add")}</button>
      {Object.entries(errors).map(([k, v]) => <p key={k} className="w-full text-red-700">{v.join(" ")}</p>)}
    </form>
  );
}
