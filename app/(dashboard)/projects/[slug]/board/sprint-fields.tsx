"use client";

import { useTranslations } from "next-intl";
import type { BoardSprintView } from "./board";

type Props = { sprint?: BoardSprintView; errors: Record<string, string[]>; nameTestId?: string };

const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : "");

/** A sprint's name, dates and text window, empty for a new sprint or filled for an edit. */
export function SprintFields({ sprint, errors, nameTestId }: Props) {
  const t = useTranslations("board");
  return (
    <>
      <label className="block text-sm">
        <span className="font-medium">{t("sprintName")}</span>
        <input name="name" defaultValue={sprint?.name} required maxLength={200} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" data-testid={nameTestId} />
      </label>
      {errors.name && <p className="text-sm text-red-700">{errors.name.join(" ")}</p>}
      <div className="grid grid-cols-2 gap-3">
        <label className="block text-sm">
          <span className="font-medium">{t("startsOn")}</span>
          <input type="date" name="startsOn" defaultValue={day(sprint?.startsOn)} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2" />
        </label>
        <label className="block text-sm">
          <span className="font-medium">{t("endsOn")}</span>
          <input type="date" name="endsOn" defaultValue={day(sprint?.endsOn)} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2" />
        </label>
      </div>
      {errors.endsOn && <p className="text-sm text-red-700">{errors.endsOn.join(" ")}</p>}
      <label className="block text-sm">
        <span className="font-medium">{t("window")}</span>
        <input name="window" defaultValue={sprint?.window ?? ""} placeholder={t("windowPlaceholder")} maxLength={100} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
    </>
  );
}
