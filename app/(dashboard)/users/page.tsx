import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findUsers } from "@/lib/users/find-users";
import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const me = await requirePageUser();
  // Hide the page's existence from other roles; the actions check again on their own.
  if (!can(me, "users.manage")) notFound();
  const [t, format, users] = await Promise.all([getTranslations("users"), getFormatter(), findUsers()]);
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <CreateUserForm />
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3">{t("email")}</th>
              <th scope="col" className="px-4 py-3">{t("role")}</th>
              <th scope="col" className="px-4 py-3">{t("status")}</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">{t("save")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <UserRow
                key={u.id}
                user={{ id: u.id, email: u.email, name: u.name, role: u.role, disabled: !!u.disabledAt }}
                isSelf={u.id === me.id}
                since={format.dateTime(u.createdAt, { dateStyle: "medium" })}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
