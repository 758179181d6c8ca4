// Sub-navigation of a Träger's pages: profile, members, and for admins settings and audit log.
// Used on every page under /traeger/:slug. Pass the viewer's role in this Träger (null when the
// viewer is not a member: then only the profile link shows, and the nav is left out).
import { NavLink } from "@remix-run/react";
import type { OrgRole } from "~/.server/db/schema";
import { paths } from "~/utils/links";

function isAdmin(role: OrgRole | null | undefined) {
  return role === "owner" || role === "admin";
}

export function OrgNav({ slug, orgName, role }: { slug: string; orgName: string; role: OrgRole | null | undefined }) {
  if (!role) return null;
  const items = [
    { to: paths.org(slug), label: "Profil", end: true },
    { to: paths.orgMembers(slug), label: "Mitglieder", end: false },
    ...(isAdmin(role)
      ? [
          { to: paths.orgSettings(slug), label: "Einstellungen", end: false },
          { to: paths.orgAudit(slug), label: "Protokoll", end: false },
        ]
      : []),
  ];
  return (
    <nav aria-label={`Bereiche von ${orgName}`} className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-2 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max sm:gap-1">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              prefetch="intent"
              className={({ isActive }) =>
                `-mb-px flex min-h-11 items-center border-b-2 px-1.5 text-[13px] font-semibold sm:px-3 sm:text-sm ${
                  isActive
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
