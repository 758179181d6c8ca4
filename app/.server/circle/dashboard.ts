// The dashboard after sign-in: the user's Träger, their circles, what is new there, open join
// requests for coordinators, unread notifications. One transaction as the user; every section is
// real data, so a section with nothing to show can say so or stay away.
import { sql } from "kysely";
import { renderNotification } from "~/i18n/notifications";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import type { OrgRole } from "../db/schema";
import { coverDashboard, type CoverDashboard } from "../cover/dashboard";
import { rowLimit } from "~/.server/db/limits";

export const NEW_IN_CIRCLE_DAYS = 90;

export type Dashboard = {
  memberships: Array<{ orgId: string; slug: string; name: string; role: OrgRole }>;
  circles: Array<{ id: string; name: string; memberCount: number; coordinates: boolean }>;
  newInCircle: Array<{ slug: string; name: string; city: string | null; circleName: string; joinedAt: string }>;
  /** The oldest open requests first: the circle answers them first come, first served (as on /kreis/anfragen). */
  openJoinRequests: { count: number; oldest: Array<{ orgName: string; createdAt: string }> } | null;
  unread: Array<{ id: string; title: string; body: string | null; createdAt: string }>;
  unreadCount: number;
  /** Vertretungsbörse: open Notfälle in the circle, our open requests. */
  cover: CoverDashboard;
};

export async function loadDashboard(user: SessionUser): Promise<Dashboard> {
  return asUserReadOnly(user, async (tx) => {
    const memberships = await tx
      .selectFrom("org_members as m")
      .innerJoin("organizations as o", "o.id", "m.org_id")
      .select(["o.id as orgId", "o.slug", "o.name", "m.role"])
      .where("m.user_id", "=", user.id)
      .orderBy(sql`lower(o.name)`)
      .execute();

    const circles = await sql<{ id: string; name: string; member_count: number; coordinates: boolean }>`
      select n.id, n.name,
        (select count(*)::int from public.network_members nm
          where nm.network_id = n.id and nm.status = 'active') as member_count,
        n.id in (select private.coordinated_network_ids()) as coordinates
      from public.networks n
      where n.id in (select private.user_network_ids())
      order by n.name
    `.execute(tx);

    // Träger that joined the user's circles recently, not the user's own.
    const newInCircle = await sql<{ slug: string; name: string; city: string | null; circle_name: string; joined_at: Date }>`
      select o.slug, o.name, o.city, n.name as circle_name, nm.joined_at
      from public.network_members nm
      join public.organizations o on o.id = nm.org_id
      join public.networks n on n.id = nm.network_id
      where nm.network_id in (select private.user_network_ids())
        and nm.status = 'active'
        and nm.joined_at > now() - make_interval(days => ${NEW_IN_CIRCLE_DAYS})
        and nm.org_id not in (select private.user_org_ids())
      order by nm.joined_at desc, o.name
      limit 6
    `.execute(tx);

    const coordinates = circles.rows.some((c) => c.coordinates);
    let openJoinRequests: Dashboard["openJoinRequests"] = null;
    if (coordinates) {
      const open = await tx
        .selectFrom("join_requests")
        .select(["org_name as orgName", "created_at as createdAt", sql<number>`(count(*) over ())::int`.as("total")])
        .where("status", "=", "open")
        .where(sql<boolean>`network_id in (select private.coordinated_network_ids())`)
        .orderBy("created_at", "asc")
        .limit(rowLimit(3))
        .execute();
      openJoinRequests = {
        count: open[0]?.total ?? 0,
        oldest: open.map((r) => ({ orgName: r.orgName, createdAt: new Date(r.createdAt).toISOString() })),
      };
    }

    const unread = await tx
      .selectFrom("notifications")
      .select(["id", "kind", "data", "created_at as createdAt", sql<number>`(count(*) over ())::int`.as("total")])
      .where("user_id", "=", user.id)
      .where("read_at", "is", null)
      .orderBy("created_at", "desc")
      .limit(rowLimit(5))
      .execute();

    const cover = await coverDashboard(tx, user.id);

    return {
      cover,
      memberships,
      circles: circles.rows.map((c) => ({ id: c.id, name: c.name, memberCount: c.member_count, coordinates: c.coordinates })),
      newInCircle: newInCircle.rows.map((r) => ({
        slug: r.slug,
        name: r.name,
        city: r.city,
        circleName: r.circle_name,
        joinedAt: new Date(r.joined_at).toISOString(),
      })),
      openJoinRequests,
      unread: unread.map((n) => ({ id: n.id, ...renderNotification(n.kind, n.data), createdAt: new Date(n.createdAt).toISOString() })),
      unreadCount: unread[0]?.total ?? 0,
    };
  });
}
