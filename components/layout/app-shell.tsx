import { getTranslations } from "next-intl/server";
import { SidebarNav } from "@/components/layout/sidebar-nav";
import { UserMenu } from "@/components/layout/user-menu";

type Props = {
  user: { email: string; name: string | null; role: "admin" | "lead" | "engineer" | "viewer" };
  projects: { slug: string; name: string }[];
  canCreateProject: boolean;
  canManageUsers: boolean;
  children: React.ReactNode;
};

export async function AppShell({ user, projects, canCreateProject, canManageUsers, children }: Props) {
  const t = await getTranslations();
  return (
    <div className="min-h-screen md:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("app.skipToContent")}
      </a>
      <SidebarNav projects={projects} canCreateProject={canCreateProject} canManageUsers={canManageUsers} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-4 border-b border-slate-200 bg-white px-4 py-2 md:justify-between md:px-8 md:py-3">
          <div className="hidden text-sm text-slate-500 md:block">{t("app.tagline")}</div>
          <UserMenu email={user.email} name={user.name} roleLabel={t(`roles.${user.role}`)} />
        </header>
        <main id="main" className="flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
