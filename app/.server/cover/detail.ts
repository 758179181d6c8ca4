// The detail page of a request (/vertretungen/:id), read as the user in one transaction. What each
// side sees is what RLS returns, nothing is filtered in TypeScript:
//   - the circle (or the addressed Träger until widen_at): need, region, period, fill status;
//   - offers: the requesting Träger all of them, an offering Träger its own, a third Träger none;
//   - contact persons and handover notes: the requester, and the other side once accepted;
//   - the case reference: the requester only (cover_request_internals); the reason of a
//     cancellation: the requester and the Träger that had an offer then (cover_cancel_reason).
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import type { CoverOfferStatus, OrgRole } from "../db/schema";
import { cardColumns, cardJoins, toCard, type CoverCard } from "./board";
import { coverContext } from "./context";
import { coverContacts, type CoverContactPerson } from "./functions";
import { screenSozialdaten, type SozialdatenFinding } from "./sozialdaten";
import { activeHide, type ActiveHide } from "../sozialdaten-hides";

export type CoverOfferView = {
  id: string;
  orgId: string;
  orgName: string;
  status: CoverOfferStatus;
  hoursPerWeek: string;
  acceptedHours: string | null;
  availableFrom: string;
  qualification: string;
  languages: string[];
  message: string;
  declineMessage: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** One of the person's Träger made it. */
  own: boolean;
  /** The ledger of an accepted offer (both Träger see it). */
  ledger: { plannedHours: string; actualHours: string | null; completedAt: string | null } | null;
};

export type CoverDetail = {
  request: CoverCard & {
    description: string;
    genderReason: string | null;
    networkName: string;
    /** Only for the requesting Träger and the Träger whose offer was open or accepted then. */
    cancelReason: string | null;
    cancelledAt: string | null;
    filledAt: string | null;
    closedAt: string | null;
    widenedAt: string | null;
    sozialdatenConfirmedAt: string | null;
  };
  /** The person is a member of the requesting Träger. */
  isRequester: boolean;
  /** …and may publish, accept, decline, cancel (owner, admin, coordinator). */
  canManage: boolean;
  /** The person's Träger that may offer (coordinating role, same circle, not the requester). */
  offerOrgs: Array<{ orgId: string; name: string }>;
  /** All of the person's Träger. */
  myOrgIds: string[];
  /** The person's Träger that coordinate (for completing an accepted cover). */
  coordinatingOrgIds: string[];
  recipients: Array<{ orgId: string; name: string }>;
  offers: CoverOfferView[];
  contacts: CoverContactPerson[];
  handoverNotes: { notes: string; updatedAt: string } | null;
  /** Colleagues per Träger the person coordinates (to name the contact person). */
  colleagues: Array<{ userId: string; name: string; orgId: string; role: OrgRole }>;
  /** Findings in the description (shown to the requester). */
  sozialdaten: SozialdatenFinding[];
  /** The request is hidden for Sozialdaten (only its own Träger sees it then). */
  hide: ActiveHide | null;
  /** One of the person's Träger coordinates the request's circle (may hide it directly). */
  coordinatesCircle: boolean;
  now: string;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function loadCoverDetail(user: SessionUser, requestId: string): Promise<CoverDetail | null> {
  return asUserReadOnly(user, async (tx) => {
    const context = await coverContext(tx, user.id);
    const result = await sql<
      Parameters<typeof toCard>[0] & {
        description: string;
        gender_reason: string | null;
        network_name: string;
        cancel_reason: string | null;
        cancelled_at: Date | null;
        filled_at: Date | null;
        closed_at: Date | null;
        widened_at: Date | null;
        no_sozialdaten_confirmed_at: Date | null;
        network_id: string;
      }
    >`
      select ${cardColumns(context.orgIds)}, r.network_id, r.description, r.gender_reason, n.name as network_name,
        case when r.status = 'cancelled' then public.cover_cancel_reason(r.id) end as cancel_reason, r.cancelled_at, r.filled_at, r.closed_at, r.widened_at, r.no_sozialdaten_confirmed_at
      from public.cover_requests r ${cardJoins}
      join public.networks n on n.id = r.network_id
      where r.id = ${requestId}::uuid
    `.execute(tx);
    const row = result.rows[0];
    if (!row) return null;
    const card = toCard(row, context.orgIds);
    const requesterOrg = context.orgs.find((o) => o.orgId === row.org_id);
    const coordinating = context.orgs.filter((o) => o.coordinates);

    const recipients = await sql<{ org_id: string; name: string }>`
      select rr.org_id, o.name from public.cover_request_recipients rr
      join public.organizations o on o.id = rr.org_id
      where rr.request_id = ${requestId}::uuid
      order by lower(o.name)
    `.execute(tx);

    const offers = await sql<{
      id: string;
      org_id: string;
      org_name: string;
      status: CoverOfferStatus;
      hours_per_week: string;
      accepted_hours: string | null;
      available_from: string;
      qualification: string;
      languages: string[];
      message: string;
      decline_message: string | null;
      created_at: Date;
      decided_at: Date | null;
      planned_hours: string | null;
      actual_hours: string | null;
      completed_at: Date | null;
      has_ledger: boolean;
    }>`
      select x.id, x.org_id, o.name as org_name, x.status, x.hours_per_week::text as hours_per_week,
        x.accepted_hours::text as accepted_hours, to_char(x.available_from, 'YYYY-MM-DD') as available_from,
        x.qualification, x.languages, x.message, x.decline_message, x.created_at, x.decided_at,
        l.planned_hours::text as planned_hours, l.actual_hours::text as actual_hours, l.completed_at,
        l.offer_id is not null as has_ledger
      from public.cover_offers x
      join public.organizations o on o.id = x.org_id
      left join public.cover_ledger l on l.offer_id = x.id
      where x.request_id = ${requestId}::uuid
      order by case x.status when 'accepted' then 0 when 'offered' then 1 else 2 end, x.created_at
    `.execute(tx);

    const contacts = await coverContacts(tx, requestId);
    const notes = await tx
      .selectFrom("cover_handover_notes")
      .select(["notes", "updated_at"])
      .where("request_id", "=", requestId)
      .executeTakeFirst();

    const coordinatingIds = coordinating.map((o) => o.orgId);
    const colleagues =
      coordinatingIds.length === 0
        ? { rows: [] }
        : await sql<{ user_id: string; name: string; org_id: string; role: OrgRole }>`
            select m.user_id, coalesce(p.full_name, p.email, 'Unbenannt') as name, m.org_id, m.role
            from public.org_members m
            left join public.profiles p on p.user_id = m.user_id
            where m.org_id = any(${coordinatingIds}::uuid[])
            order by lower(coalesce(p.full_name, p.email, ''))
          `.execute(tx);

    const isRequester = Boolean(requesterOrg);
    const hide = await activeHide(tx, "cover_request", requestId);
    const coordinatesCircle =
      context.orgIds.length > 0 &&
      Boolean(
        await tx
          .selectFrom("network_members")
          .select("org_id")
          .where("network_id", "=", row.network_id)
          .where("role", "=", "coordinator")
          .where("org_id", "in", context.orgIds)
          .executeTakeFirst(),
      );
    return {
      request: {
        ...card,
        description: row.description,
        genderReason: row.gender_reason,
        networkName: row.network_name,
        cancelReason: row.cancel_reason,
        cancelledAt: iso(row.cancelled_at),
        filledAt: iso(row.filled_at),
        closedAt: iso(row.closed_at),
        widenedAt: iso(row.widened_at),
        sozialdatenConfirmedAt: iso(row.no_sozialdaten_confirmed_at),
      },
      isRequester,
      canManage: Boolean(requesterOrg?.coordinates),
      offerOrgs: isRequester
        ? []
        : coordinating
            .filter((o) => o.networkIds.includes(row.network_id))
            .map((o) => ({ orgId: o.orgId, name: o.name })),
      myOrgIds: context.orgIds,
      coordinatingOrgIds: coordinatingIds,
      recipients: recipients.rows.map((r) => ({ orgId: r.org_id, name: r.name })),
      offers: offers.rows.map((x) => ({
        id: x.id,
        orgId: x.org_id,
        orgName: x.org_name,
        status: x.status,
        hoursPerWeek: String(x.hours_per_week),
        acceptedHours: x.accepted_hours === null ? null : String(x.accepted_hours),
        availableFrom: x.available_from,
        qualification: x.qualification,
        languages: x.languages ?? [],
        message: x.message,
        declineMessage: x.decline_message,
        createdAt: iso(x.created_at)!,
        decidedAt: iso(x.decided_at),
        own: context.orgIds.includes(x.org_id),
        ledger: x.has_ledger
          ? { plannedHours: String(x.planned_hours), actualHours: x.actual_hours, completedAt: iso(x.completed_at) }
          : null,
      })),
      contacts,
      handoverNotes: notes ? { notes: notes.notes, updatedAt: iso(notes.updated_at)! } : null,
      colleagues: colleagues.rows.map((c) => ({ userId: c.user_id, name: c.name, orgId: c.org_id, role: c.role })),
      sozialdaten: isRequester ? screenSozialdaten(row.description) : [],
      hide,
      coordinatesCircle,
      now: new Date().toISOString(),
    };
  });
}
