// Sub-navigation of a Träger's pages: profile, members, for coordinators the cover favourites, and
// for admins the staff list, settings and audit log.
// Used on every page under /traeger/:slug. Pass the viewer's role in this Träger (null when the
// viewer is not a member: then only the profile link shows, and the nav is left out).
import type { OrgRole } from "~/.server/db/schema";
import { TabNav } from "~/components/ui/tab-nav";
import { paths } from "~/utils/links";

function isAdmin(role: OrgRole | null | undefined) {
  return role === "owner" || role === "admin";
}

export function OrgNav({ slug, orgName, role }: { slug: string; orgName: string; role: OrgRole | null | undefined }) {
  if (!role) return null;
  return (
    <TabNav
      label={`Bereiche von ${orgName}`}
      items={[
        { to: paths.org(slug), label: "Profil", end: true },
        { to: paths.orgMembers(slug), label: "Mitglieder" },
        ...(isAdmin(role) || role === "coordinator" ? [{ to: paths.orgFavourites(slug), label: "Favoriten" }] : []),
        ...(isAdmin(role)
          ? [
              { to: paths.orgStaff(slug), label: "Personal" },
              { to: paths.orgSettings(slug), label: "Einstellungen" },
              { to: paths.orgAudit(slug), label: "Protokoll" },
            ]
          : []),
      ]}
    />
  );
}
