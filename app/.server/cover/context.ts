// Who the signed-in person is in the Vertretungsbörse: their Träger with role, and the circles each
// Träger is active in. One small query at the start of a page's transaction; the page's list query
// then filters on these ids explicitly (org_id = …, network_id = …) so that Postgres can use the
// board indexes instead of leaving everything to the row-level-security filter.
import { sql } from "kysely";
import type { Tx } from "../db/request";
import type { OrgRole } from "../db/schema";

export const COORDINATING_ROLES: readonly OrgRole[] = ["owner", "admin", "coordinator"];

export type CoverOrg = {
  orgId: string;
  slug: string;
  name: string;
  role: OrgRole;
  /** Owner, admin or coordinator: may post, offer, accept. */
  coordinates: boolean;
  /** Circles the Träger is an active member of. */
  networkIds: string[];
};

export type CoverContext = {
  orgs: CoverOrg[];
  orgIds: string[];
  /** Circles of all the person's Träger. */
  networkIds: string[];
  networks: Array<{ id: string; name: string }>;
  /** (Träger, circle) pairs where the person may post a request. */
  posters: Array<{ orgId: string; orgSlug: string; orgName: string; networkId: string; networkName: string }>;
};

export async function coverContext(tx: Tx, userId: string): Promise<CoverContext> {
  const rows = await sql<{
    org_id: string;
    slug: string;
    name: string;
    role: OrgRole;
    network_id: string | null;
    network_name: string | null;
  }>`
    select o.id as org_id, o.slug, o.name, m.role, nm.network_id, n.name as network_name
    from public.org_members m
    join public.organizations o on o.id = m.org_id
    left join public.network_members nm on nm.org_id = m.org_id and nm.status = 'active'
    left join public.networks n on n.id = nm.network_id
    where m.user_id = ${userId}
    order by lower(o.name), lower(n.name)
  `.execute(tx);
  const orgs = new Map<string, CoverOrg>();
  const networks = new Map<string, string>();
  const posters: CoverContext["posters"] = [];
  for (const r of rows.rows) {
    let org = orgs.get(r.org_id);
    if (!org) {
      org = {
        orgId: r.org_id,
        slug: r.slug,
        name: r.name,
        role: r.role,
        coordinates: COORDINATING_ROLES.includes(r.role),
        networkIds: [],
      };
      orgs.set(r.org_id, org);
    }
    if (r.network_id) {
      org.networkIds.push(r.network_id);
      networks.set(r.network_id, r.network_name ?? "");
      if (org.coordinates) {
        posters.push({ orgId: r.org_id, orgSlug: r.slug, orgName: r.name, networkId: r.network_id, networkName: r.network_name ?? "" });
      }
    }
  }
  return {
    orgs: [...orgs.values()],
    orgIds: [...orgs.keys()],
    networkIds: [...networks.keys()],
    networks: [...networks.entries()].map(([id, name]) => ({ id, name })),
    posters,
  };
}

/** `column = $1` for one id (the index then returns rows in order), `column = any($1)` for several. */
export function idFilter(column: string, ids: string[]) {
  return ids.length === 1 ? sql`${sql.ref(column)} = ${ids[0]!}::uuid` : sql`${sql.ref(column)} = any(${ids}::uuid[])`;
}
