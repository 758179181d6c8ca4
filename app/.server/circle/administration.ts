// What the circle's coordinators do with the circle's Träger: list them, remove one with a reason,
// hand the coordination to another. The steps are security-definer functions in SQL
// (20261206140300_circle_administration.sql) that close what the Träger had open and tell
// everyone involved in the same transaction; here we only call them as the user.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser } from "../db/request";

export type CircleTraeger = {
  networkId: string;
  orgId: string;
  name: string;
  slug: string;
  coordinates: boolean;
  joinedAt: string;
};

/** The Träger of every circle the user coordinates, coordinating Träger first. */
export async function listCircleTraeger(user: SessionUser): Promise<CircleTraeger[]> {
  const rows = await asUser(user, (tx) =>
    tx
      .selectFrom("network_members as nm")
      .innerJoin("organizations as o", "o.id", "nm.org_id")
      .select(["nm.network_id as networkId", "nm.org_id as orgId", "o.name", "o.slug", "nm.role", "nm.joined_at as joinedAt"])
      .where(sql<boolean>`nm.network_id in (select private.coordinated_network_ids())`)
      .where("nm.status", "=", "active")
      .execute(),
  );
  return rows
    .map((r) => ({
      networkId: r.networkId,
      orgId: r.orgId,
      name: r.name,
      slug: r.slug,
      coordinates: r.role === "coordinator",
      joinedAt: new Date(r.joinedAt).toISOString(),
    }))
    .sort((a, b) => Number(b.coordinates) - Number(a.coordinates) || a.name.localeCompare(b.name, "de"));
}

/** Raises TK_NOT_FOUND, TK_CIRCLE_REMOVE_COORDINATOR, TK_CIRCLE_REASON_REQUIRED/_TOO_LONG. */
export async function removeTraegerFromCircle(user: SessionUser, networkId: string, orgId: string, reason: string) {
  await asUser(user, (tx) => sql`select public.remove_traeger_from_circle(${networkId}, ${orgId}, ${reason})`.execute(tx));
}

/** Raises TK_NOT_FOUND, TK_CIRCLE_ALREADY_COORDINATOR. */
export async function handOverCoordination(user: SessionUser, networkId: string, toOrgId: string, keepOwn: boolean) {
  await asUser(user, (tx) => sql`select public.hand_over_circle_coordination(${networkId}, ${toOrgId}, ${keepOwn})`.execute(tx));
}
