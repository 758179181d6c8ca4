// A plain member cannot post a cover request: the page names who can for their Träger and lets
// them notify those people (public.ask_coordination_for_cover, 20261206120300).
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser } from "../db/request";

const ROLE_LABELS: Record<string, string> = { owner: "Inhaber:in", admin: "Administration", coordinator: "Koordination" };

export type CoverPosterOrg = {
  orgId: string;
  orgName: string;
  posters: Array<{ userId: string; name: string; roleLabel: string }>;
};

/** The person's Träger and, per Träger, who may post cover requests for it. */
export async function loadCoverPosters(user: SessionUser): Promise<CoverPosterOrg[]> {
  return asUser(user, async (tx) => {
    const rows = await sql<{ org_id: string; org_name: string; user_id: string | null; name: string | null; role: string | null }>`
      select o.id as org_id, o.name as org_name, c.user_id, coalesce(p.full_name, p.email) as name, c.role
      from public.org_members me
      join public.organizations o on o.id = me.org_id
      left join public.org_members c on c.org_id = me.org_id and c.role in ('owner', 'admin', 'coordinator')
      left join public.profiles p on p.user_id = c.user_id
      where me.user_id = ${user.id}
      order by lower(o.name), case c.role when 'coordinator' then 0 when 'admin' then 1 else 2 end, lower(coalesce(p.full_name, ''))
    `.execute(tx);
    const orgs = new Map<string, CoverPosterOrg>();
    for (const r of rows.rows) {
      const org = orgs.get(r.org_id) ?? { orgId: r.org_id, orgName: r.org_name, posters: [] };
      if (r.user_id && r.role) org.posters.push({ userId: r.user_id, name: r.name ?? "Unbenannt", roleLabel: ROLE_LABELS[r.role] ?? r.role });
      orgs.set(r.org_id, org);
    }
    return [...orgs.values()];
  });
}

/** Notifies the Träger's coordinators; returns how many people were told. */
export async function askCoordinationForCover(user: SessionUser, orgId: string, note?: string): Promise<number> {
  return asUser(user, async (tx) => {
    const r = await sql<{ told: number }>`select public.ask_coordination_for_cover(${orgId}::uuid, ${note ?? null}) as told`.execute(tx);
    return Number(r.rows[0]!.told);
  });
}
