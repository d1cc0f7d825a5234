"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateUserAction } from "./actions";

const roles = ["admin", "lead", "engineer", "viewer"] as const;

type Props = {
  user: { id: string; email: string; name: string | null; role: (typeof roles)[number]; disabled: boolean };
  isSelf: boolean;
  since: string;
};

export function UserRow({ user, isSelf, since }: Props) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(updateUserAction, {});
  const formId = `user-${user.id}`;
  return (
    <tr data-testid="user-row">
      <td className="px-4 py-3">
        <div className="font-medium">{user.email}{isSelf && <span className="ml-1 text-xs text-slate-500">({t("users.you")})</span>}</div>
        <div className="text-xs text-slate-500">{user.name ? `${user.name} · ` : ""}{since}</div>
      </td>
      <td className="px-4 py-3">
        <form id={formId} action={action}>
          <input type="hidden" name="userId" value={user.id} />
        </form>
        <select form={formId} name="role" defaultValue={user.role} aria-label={`${t("users.role")} ${user.email}`}
          className="rounded-md border border-slate-300 px-2 py-1">
          {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </td>
      <td className="px-4 py-3">
        <label className="flex items-center gap-2">
          <input form={formId} type="checkbox" name="disabled" defaultChecked={user.disabled} />
          {t("users.disabled")}
        </label>
      </td>
      <td className="px-4 py-3 text-right">
        <button form={formId} type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 disabled:opacity-60">
          {t("users.save")}
        </button>
        {state.ok && <p className="mt-1 text-xs text-green-700">{t("users.updated")}</p>}
        {state.error && <p className="mt-1 text-xs text-red-700">{state.error}</p>}
      </td>
    </tr>
  );
}
