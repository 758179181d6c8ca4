// Notfall on the phone (issue 12) on the detail page /vertretungen/:id, next to detail.ts: the
// escalation steps and their times (for the requester's "ab 14:30 sieht der ganze Kreis die
// Anfrage"), the two checks of each offer (Fachkraft, Führungszeugnis aktuell) and the offered
// person's name where RLS and public.cover_offer_person allow it, and the staff an offering
// Träger can name. Everything runs as the person.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUserReadOnly } from "../db/request";

export type NotfallExtras = {
  requiresFachkraft: boolean;
  steps: { addressing: string; partnersAt: string | null; widenAt: string | null; widened: boolean } | null;
  offerChecks: Record<string, { fachkraft: boolean | null; fuehrungszeugnisCurrent: boolean | null; person: string | null }>;
  staff: Array<{ id: string; orgId: string; name: string; fachkraft: boolean; fuehrungszeugnisCurrent: boolean }>;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function loadNotfallExtras(user: SessionUser, requestId: string, offerOrgIds: string[]): Promise<NotfallExtras> {
  return asUserReadOnly(user, async (tx) => {
    const req = await sql<{ requires_fachkraft: boolean; addressing: string; partners_at: Date | null; widen_at: Date | null; max_years: number; widened: boolean }>`
      select r.requires_fachkraft, r.addressing, r.partners_at, r.widen_at, n.fuehrungszeugnis_max_years as max_years,
        (r.addressing = 'circle' or r.widen_at <= now()) as widened
      from public.cover_requests r join public.networks n on n.id = r.network_id where r.id = ${requestId}::uuid`.execute(tx);
    const r = req.rows[0];
    const offers = await sql<{ id: string; staff_fachkraft: boolean | null; staff_fuehrungszeugnis_current: boolean | null; person: string | null }>`
      select o.id, o.staff_fachkraft, o.staff_fuehrungszeugnis_current, public.cover_offer_person(o.id) as person
      from public.cover_offers o where o.request_id = ${requestId}::uuid`.execute(tx);
    const staff = offerOrgIds.length
      ? await sql<{ id: string; org_id: string; full_name: string; fachkraft: boolean; fz_current: boolean }>`
          select s.id, s.org_id, s.full_name,
            (s.qualification is not null and (s.qualification <> 'andere' or length(s.qualification_note) >= 3)) as fachkraft,
            coalesce(s.fuehrungszeugnis_on > current_date - make_interval(years => ${r?.max_years ?? 5}), false) as fz_current
          from public.staff_members s where s.org_id = any (${offerOrgIds}::uuid[]) order by s.full_name`.execute(tx)
      : { rows: [] };
    return {
      requiresFachkraft: r?.requires_fachkraft ?? false,
      steps: r && r.addressing === "addressed" ? { addressing: r.addressing, partnersAt: iso(r.partners_at), widenAt: iso(r.widen_at), widened: r.widened } : null,
      offerChecks: Object.fromEntries(
        offers.rows.map((o) => [o.id, { fachkraft: o.staff_fachkraft, fuehrungszeugnisCurrent: o.staff_fuehrungszeugnis_current, person: o.person }]),
      ),
      staff: staff.rows.map((s) => ({ id: s.id, orgId: s.org_id, name: s.full_name, fachkraft: s.fachkraft, fuehrungszeugnisCurrent: s.fz_current })),
    };
  });
}
