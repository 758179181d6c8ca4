// The circle's public page and its "Interesse melden" form. Visitors are anonymous: everything
// runs as `anon`, which may call public.network_public_page/public_networks and insert a join
// request, and nothing else (it cannot even read back the row it inserted).
import { sql } from "kysely";
import type { z } from "zod";
import { asAnon, asAnonReadOnly } from "../db/request";
import type { JoinRequestSchema } from "~/validation/circle";

export type PublicCircle = {
  id: string;
  name: string;
  region: string;
  description: string;
  contactEmail: string | null;
  contactPhone: string | null;
  memberNames: string[];
};

/** The circle with this slug if its public page is on; null otherwise (the page answers 404). */
export async function loadPublicCircle(slug: string): Promise<PublicCircle | null> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return asAnonReadOnly(async (tx) => {
    const result = await sql<{
      id: string;
      name: string;
      region: string;
      description: string;
      contact_email: string | null;
      contact_phone: string | null;
      member_names: string[];
    }>`select * from public.network_public_page(${slug})`.execute(tx);
    const row = result.rows[0];
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      region: row.region,
      description: row.description,
      contactEmail: row.contact_email,
      contactPhone: row.contact_phone,
      // In German alphabetical order whatever the database's collation ("freiraumwohnung" among the F).
      memberNames: [...(row.member_names ?? [])].sort((a, b) => a.localeCompare(b, "de")),
    };
  });
}

export type PublicCircleSummary = { slug: string; name: string; region: string; memberCount: number };

/** Every circle with a public page (for visitors and for users without a Träger). */
export async function listPublicCircles(): Promise<PublicCircleSummary[]> {
  return asAnonReadOnly(async (tx) => {
    const result = await sql<{ slug: string; name: string; region: string; member_count: number }>`
      select * from public.public_networks()`.execute(tx);
    return result.rows.map((r) => ({ slug: r.slug, name: r.name, region: r.region, memberCount: r.member_count }));
  });
}

/**
 * Files a join request. The insert's trigger tells the coordinators (notification and mail) in
 * the same transaction and refuses floods (TK_JOIN_REQUEST_LIMIT, TK_JOIN_REQUESTS_BUSY).
 * No `returning`: anon may insert but not select.
 */
export async function fileJoinRequest(networkId: string, input: z.output<typeof JoinRequestSchema>): Promise<void> {
  await asAnon((tx) =>
    tx
      .insertInto("join_requests")
      .values({
        network_id: networkId,
        org_name: input.orgName,
        contact_name: input.contactName,
        email: input.email,
        phone: input.phone || null,
        message: input.message,
      })
      .execute(),
  );
}
