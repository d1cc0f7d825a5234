"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { createSprintAction } from "./actions";
import { SprintFields } from "./sprint-fields";

/** A new sprint after the last one: a name, and dates or a text window like "< 1 week". */
export function NewSprintForm({ slug }: { slug: string }) {
  const t = useTranslations("board");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  async function create(form: FormData) {
    const result = await createSprintAction(slug, form);
    if (!result.ok) return setErrors(result.fieldErrors ?? { _: [result.error] });
    setErrors({});
    dialog.current?.close();
    router.refresh();
  }
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" data-testid="new-sprint">{t("newSprint")}</button>
      <dialog ref={dialog} className="w-full max-w-md rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={create} className="space-y-3 p-5">
          <h2 className="text-lg font-semibold">{t("newSprint")}</h2>
          <SprintFields errors={errors} nameTestId="sprint-name" />
          {errors._ && <p className="text-sm text-red-700">{errors._.join(" ")}</p>}
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-3 py-2 text-sm">{t("cancel")}</button>
            <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white" data-testid="create-sprint">{t("create")}</button>
          </div>
        </form>
      </dialog>
    </>
  );
}
