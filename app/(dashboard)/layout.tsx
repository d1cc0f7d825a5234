import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findProjectLinks } from "@/lib/projects/find-projects";
import { AppShell } from "@/components/layout/app-shell";

// Every dashboard page needs a signed-in user; checks of what they may do happen per action.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const projects = await findProjectLinks();
  return (
    <AppShell
      user={{ email: user.email, name: user.name, role: user.role }}
      projects={projects}
      canCreateProject={can(user, "projects.write")}
      canManageUsers={can(user, "users.manage")}
    >
      {children}
    </AppShell>
  );
}
