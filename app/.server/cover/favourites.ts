// A Träger's favourite partner Träger for the first step of three-step escalation (issue 12,
// public.cover_favourites): its members read the list, owners, admins and coordinators add and
// remove. The database refuses a favourite that shares no active circle with the Träger
// (TK_COVER_FAVOURITE_OUTSIDE_CIRCLE); the form shows that message at the field.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import type { RefusalFields } from "../forms/reply";

export type FavouriteOrg = { id: string; name: string; slug: string; circles: string[] };

/** The form field a refusal of the favourites form belongs under. */
export const FAVOURITE_FIELDS: RefusalFields = {
  TK_COVER_FAVOURITE_OUTSIDE_CIRCLE: "favouriteOrgId",
};

/** The Träger's favourites, and the Träger of its active circles it could add. */
export async function loadFavourites(
  user: SessionUser,
  orgId: string,
): Promise<{ favourites: FavouriteOrg[]; candidates: FavouriteOrg[] }> {
  return asUserReadOnly(user, async (tx) => {
    const favourites = await sql<{ id: string; name: string; slug: string; circles: string[] | null }>`
      select o.id, o.name, o.slug,
        (select array_agg(n.name order by n.name) from public.network_members a
           join public.network_members b on b.network_id = a.network_id and b.status = 'active'
           join public.networks n on n.id = a.network_id
           where a.org_id = f.org_id and a.status = 'active' and b.org_id = o.id) as circles
      from public.cover_favourites f
      join public.organizations o on o.id = f.favourite_org_id
      where f.org_id = ${orgId}::uuid
      order by lower(o.name)
    `.execute(tx);
    const candidates = await sql<{ id: string; name: string; slug: string; circles: string[] }>`
      select o.id, o.name, o.slug, array_agg(distinct n.name) as circles
      from public.network_members a
      join public.network_members b on b.network_id = a.network_id and b.status = 'active'
      join public.organizations o on o.id = b.org_id
      join public.networks n on n.id = a.network_id
      where a.org_id = ${orgId}::uuid and a.status = 'active' and b.org_id <> a.org_id
        and not exists (select 1 from public.cover_favourites f where f.org_id = a.org_id and f.favourite_org_id = b.org_id)
      group by o.id, o.name, o.slug
      order by lower(o.name)
    `.execute(tx);
    return {
      favourites: favourites.rows.map((r) => ({ ...r, circles: r.circles ?? [] })),
      candidates: candidates.rows,
    };
  });
}

/** Adds a favourite (RLS: coordinating roles; the trigger: a shared active circle). */
export async function addFavourite(user: SessionUser, orgId: string, favouriteOrgId: string): Promise<void> {
  await asUser(user, async (tx) => {
    await tx
      .insertInto("cover_favourites")
      .values({ org_id: orgId, favourite_org_id: favouriteOrgId })
      .onConflict((oc) => oc.columns(["org_id", "favourite_org_id"]).doNothing())
      .execute();
  });
}

/** Removes a favourite; false when there was none (or RLS hid it). */
export async function removeFavourite(user: SessionUser, orgId: string, favouriteOrgId: string): Promise<boolean> {
  return asUser(user, async (tx) => {
    const result = await tx
      .deleteFrom("cover_favourites")
      .where("org_id", "=", orgId)
      .where("favourite_org_id", "=", favouriteOrgId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}
