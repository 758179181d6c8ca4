// Early, friendly checks of a user's role in a Träger. The database still decides through RLS;
// these only give a better page (404 for a Träger the user cannot see, 403 for a missing role).
import type { OrgRole } from "../db/schema";
import { asUser, asUserReadOnly } from "../db/request";
import type { SessionUser } from "../auth/session";
import { isSlugParam } from "~/validation/text";

export const ROLE_RANK: Record<OrgRole, number> = { member: 0, coordinator: 1, admin: 2, owner: 3 };

export type Membership = { orgId: string; slug: string; name: string; role: OrgRole };

/** The user's Träger and roles, in name order. */
export async function myMemberships(user: SessionUser): Promise<Membership[]> {
  return asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("org_members as m")
      .innerJoin("organizations as o", "o.id", "m.org_id")
      .select(["o.id as orgId", "o.slug", "o.name", "m.role"])
      .where("m.user_id", "=", user.id)
      .orderBy("o.name")
      .execute(),
  );
}

/**
 * The user's membership in the Träger with this slug, if their role is at least `minimum`.
 * Throws 404 when the user is not a member, 403 when the role is too low.
 */
export async function requireOrgRole(user: SessionUser, slug: string, minimum: OrgRole): Promise<Membership> {
  // A route parameter that cannot be a slug (control characters, NUL) is unknown, without SQL.
  if (!isSlugParam(slug)) throw new Response("Nicht gefunden", { status: 404 });
  const membership = await asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("org_members as m")
      .innerJoin("organizations as o", "o.id", "m.org_id")
      .select(["o.id as orgId", "o.slug", "o.name", "m.role"])
      .where("m.user_id", "=", user.id)
      .where("o.slug", "=", slug)
      .executeTakeFirst(),
  );
  if (!membership) throw new Response("Nicht gefunden", { status: 404 });
  if (ROLE_RANK[membership.role] < ROLE_RANK[minimum]) {
    throw new Response("Dazu fehlt Ihnen die Berechtigung.", { status: 403 });
  }
  return membership;
}
