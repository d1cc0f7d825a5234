"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";

type Props = {
  projects: { slug: string; name: string }[];
  canCreateProject: boolean;
  canManageUsers: boolean;
};

export function SidebarNav({ projects, canCreateProject, canManageUsers }: Props) {
  const t = useTranslations();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const linkClass = (active: boolean) =>
    `block truncate rounded-md px-3 py-2 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`;

  return (
    <nav aria-label={t("nav.projects")} className="border-b border-slate-200 bg-white md:w-64 md:shrink-0 md:border-b-0 md:border-r">
      <div className="flex items-center justify-between px-4 py-3 md:py-5">
        <Link href="/" className="text-lg font-semibold">
          {t("app.name")}
        </Link>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm md:hidden"
          aria-expanded={open}
          aria-controls="sidebar-links"
          onClick={() => setOpen((v) => !v)}
        >
          {t("nav.menu")}
        </button>
      </div>
      <div id="sidebar-links" className={`${open ? "block" : "hidden"} space-y-6 px-3 pb-4 md:block`}>
        <ul className="space-y-1">
          <li>
            <Link href="/" className={linkClass(pathname === "/")} onClick={() => setOpen(false)}>
              {t("nav.portfolio")}
            </Link>
          </li>
          {canManageUsers && (
            <li>
              <Link href="/users" className={linkClass(pathname.startsWith("/users"))} onClick={() => setOpen(false)}>
                {t("nav.users")}
              </Link>
            </li>
          )}
        </ul>
        <div>
          <h2 className="px-3 pb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("nav.projects")}</h2>
          {projects.length === 0 ? (
            <p className="px-3 text-sm text-slate-500">{t("nav.noProjects")}</p>
          ) : (
            <ul className="space-y-1">
              {shownProjects(projects, pathname).map((p) => (
                <li key={p.slug}>
                  <Link
                    href={`/projects/${p.slug}`}
                    className={linkClass(pathname.startsWith(`/projects/${p.slug}`))}
                    onClick={() => setOpen(false)}
                  >
                    {p.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {projects.length > SHOWN && (
            <Link href="/" className="mt-1 block px-3 py-1 text-sm text-brand-700 hover:underline" data-testid="all-projects" onClick={() => setOpen(false)}>
              {t("nav.allProjects", { count: projects.length })}
            </Link>
          )}
          {canCreateProject && (
            <Link href="/projects/new" className="mt-3 block rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
              + {t("nav.newProject")}
            </Link>
          )}
        </div>
      </div>
    </nav>
  );
}

/** A long portfolio would bury the page under links: the first ones, and the one open now. */
const SHOWN = 15;

function shownProjects<P extends { slug: string }>(projects: P[], pathname: string): P[] {
  const first = projects.slice(0, SHOWN);
  const current = projects.find((p) => pathname === `/projects/${p.slug}` || pathname.startsWith(`/projects/${p.slug}/`));
  return current && !first.includes(current) ? [...first, current] : first;
}
