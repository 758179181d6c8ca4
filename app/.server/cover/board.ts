// The board (/vertretungen): three tabs, one list query each, in one transaction as the user.
//   offen     open requests of the person's circles, Notfall first, newest first, filtered by
//             Gemeinde, Hilfeart, urgency and period; network_id and urgency_rank are filtered
//             explicitly so the partial board indexes (status = 'open') answer in order.
//   anfragen  the person's Träger's requests, drafts included, with open/accepted offer counts
//             (explicit org_id filter: cover_requests_org_id_idx).
//   angebote  the person's Träger's offers with their state (cover_offers_org_id_idx).
// Fill status comes from the request row (covered_hours), never from offers: the circle sees how
// far a request is covered without learning who offered. The case reference comes from
// cover_request_internals, which only the requesting Träger can read.
import { sql, type RawBuilder } from "kysely";
import type { SessionUser } from "../auth/session";
import { referenceLists, type ReferenceLists } from "../circle/reference";
import { asUser, type Tx, asUserReadOnly } from "../db/request";
import type {
  CoverAddressing,
  CoverGenderRequirement,
  CoverKind,
  CoverOfferStatus,
  CoverRequestStatus,
  CoverUrgency,
} from "../db/schema";
import { COVER_PAGE_SIZE, type CoverBoardFilters } from "~/validation/cover";
import { coverContext, idFilter, type CoverContext } from "./context";
import { rowLimit } from "~/.server/db/limits";

export type CoverCard = {
  id: string;
  status: CoverRequestStatus;
  urgency: CoverUrgency;
  kind: CoverKind;
  hilfeart: string;
  hilfeartParagraph: string;
  hilfeartLabel: string;
  gemeinde: string;
  gemeindeName: string;
  sozialraum: string | null;
  periodFrom: string;
  periodTo: string;
  hoursPerWeek: string;
  coveredHours: string;
  qualification: string;
  languages: string[];
  needsDrivingLicence: boolean;
  needsCar: boolean;
  genderRequirement: CoverGenderRequirement | null;
  orgId: string;
  orgName: string;
  /** The person's own Träger asks. */
  own: boolean;
  addressing: CoverAddressing;
  widenAt: string | null;
  /** Addressees the person may see: all for the requester, their own for an addressee. */
  recipientCount: number;
  addressedToUs: boolean;
  publishedAt: string | null;
  createdAt: string;
  /** Only for the requesting Träger (cover_request_internals; RLS returns nothing to others). */
  caseReference: string | null;
};

export type OwnRequestCard = CoverCard & { openOffers: number; acceptedOffers: number };

export type OwnOfferCard = {
  offerId: string;
  offerStatus: CoverOfferStatus;
  offeredHours: string;
  acceptedHours: string | null;
  availableFrom: string;
  offeredAt: string;
  offerOrgName: string;
  request: CoverCard;
};

type CardRow = {
  id: string;
  status: CoverRequestStatus;
  urgency: CoverUrgency;
  kind: CoverKind;
  hilfeart: string;
  hilfeart_paragraph: string;
  hilfeart_label: string;
  gemeinde: string;
  gemeinde_name: string;
  sozialraum: string | null;
  period_from: string;
  period_to: string;
  hours_per_week: string;
  covered_hours: string;
  qualification: string;
  languages: string[];
  needs_driving_licence: boolean;
  needs_car: boolean;
  gender_requirement: CoverGenderRequirement | null;
  org_id: string;
  org_name: string;
  addressing: CoverAddressing;
  widen_at: Date | string | null;
  recipient_count: number | null;
  addressed_to_us: boolean | null;
  published_at: Date | string | null;
  created_at: Date | string;
  case_reference: string | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toCard(r: CardRow, orgIds: string[]): CoverCard {
  const own = orgIds.includes(r.org_id);
  return {
    id: r.id,
    status: r.status,
    urgency: r.urgency,
    kind: r.kind,
    hilfeart: r.hilfeart,
    hilfeartParagraph: r.hilfeart_paragraph,
    hilfeartLabel: r.hilfeart_label,
    gemeinde: r.gemeinde,
    gemeindeName: r.gemeinde_name,
    sozialraum: r.sozialraum,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    hoursPerWeek: String(r.hours_per_week),
    coveredHours: String(r.covered_hours),
    qualification: r.qualification,
    languages: r.languages ?? [],
    needsDrivingLicence: r.needs_driving_licence,
    needsCar: r.needs_car,
    genderRequirement: r.gender_requirement,
    orgId: r.org_id,
    orgName: r.org_name,
    own,
    addressing: r.addressing,
    widenAt: iso(r.widen_at),
    recipientCount: Number(r.recipient_count ?? 0),
    addressedToUs: Boolean(r.addressed_to_us),
    publishedAt: iso(r.published_at),
    createdAt: iso(r.created_at)!,
    caseReference: own ? r.case_reference : null,
  };
}

/** The columns of a card, for `from public.cover_requests r` with cardJoins. "Addressed to us" is a
 *  scalar subquery with a limit, looked up by key for each card: as `exists (…)` the planner hashed
 *  every recipient row of the person's Träger (every request ever addressed to them) per page. */
export function cardColumns(orgIds: string[]): RawBuilder<unknown> {
  return sql`
    r.id, r.status, r.urgency, r.kind, r.hilfeart, h.paragraph as hilfeart_paragraph, h.label as hilfeart_label,
    r.gemeinde, g.name as gemeinde_name, r.sozialraum,
    to_char(r.period_from, 'YYYY-MM-DD') as period_from, to_char(r.period_to, 'YYYY-MM-DD') as period_to,
    r.hours_per_week::text as hours_per_week, r.covered_hours::text as covered_hours,
    r.qualification, r.languages, r.needs_driving_licence, r.needs_car, r.gender_requirement,
    r.org_id, o.name as org_name, r.addressing, r.widen_at, r.published_at, r.created_at,
    case when r.org_id = any(${orgIds}::uuid[]) then
      (select i.case_reference from public.cover_request_internals i where i.request_id = r.id) end as case_reference,
    case when r.addressing = 'addressed' then
      (select count(*)::int from public.cover_request_recipients rr where rr.request_id = r.id) end as recipient_count,
    case when r.addressing = 'addressed' then
      coalesce((select true from public.cover_request_recipients rr
                where rr.request_id = r.id and rr.org_id = any(${orgIds}::uuid[]) limit 1), false) end as addressed_to_us`;
}

export const cardJoins = sql`
  join public.hilfearten h on h.code = r.hilfeart
  join public.gemeinden g on g.code = r.gemeinde
  join public.organizations o on o.id = r.org_id`;

let referenceCache: ReferenceLists | null = null;

/** The fixed lists (Hilfearten, Gemeinden) from the reference tables; they change only by migration. */
export async function coverReference(tx: Tx): Promise<ReferenceLists> {
  referenceCache ??= await referenceLists(tx);
  return referenceCache;
}

export type CoverBoard = {
  view: CoverBoardFilters["ansicht"];
  inCircle: boolean;
  canPost: boolean;
  orgNames: string[];
  reference: ReferenceLists;
  open: CoverCard[];
  requests: OwnRequestCard[];
  offers: OwnOfferCard[];
  hasMore: boolean;
  /** The server's clock, so relative times ("ab Mi., 14:00 Uhr") render the same in the browser. */
  now: string;
};

/** Open requests of the circles the person's Träger belong to, as the filters ask. */
async function openRequests(tx: Tx, context: CoverContext, filters: CoverBoardFilters): Promise<CardRow[]> {
  return (await openRequestsQuery(context, filters).execute(tx)).rows;
}

/** The board's list query ("Offen im Kreis"); exported for the bench (RLS overhead, plans). */
export function openRequestsQuery(context: CoverContext, filters: CoverBoardFilters): RawBuilder<CardRow> {
  const conditions = [sql`r.status = 'open'`, idFilter("r.network_id", context.networkIds)];
  if (filters.gemeinde) conditions.push(sql`r.gemeinde = ${filters.gemeinde}`);
  if (filters.hilfeart) conditions.push(sql`r.hilfeart = ${filters.hilfeart}`);
  if (filters.dringlichkeit) {
    const rank = { notfall: 1, dringend: 2, planbar: 3 }[filters.dringlichkeit];
    conditions.push(sql`r.urgency_rank = ${rank}`);
  }
  if (filters.von) conditions.push(sql`r.period_to >= ${filters.von}::date`);
  if (filters.bis) conditions.push(sql`r.period_from <= ${filters.bis}::date`);
  const offset = (filters.seite - 1) * COVER_PAGE_SIZE;
  return sql<CardRow>`
    select ${cardColumns(context.orgIds)}
    from public.cover_requests r ${cardJoins}
    where ${sql.join(conditions, sql` and `)}
    order by r.urgency_rank, r.published_at desc, r.id
    limit ${rowLimit(COVER_PAGE_SIZE + 1)} offset ${offset}
  `;
}

async function ownRequests(tx: Tx, context: CoverContext, page: number) {
  const offset = (page - 1) * COVER_PAGE_SIZE;
  const result = await sql<CardRow & { open_offers: number; accepted_offers: number }>`
    select ${cardColumns(context.orgIds)},
      (select count(*)::int from public.cover_offers x where x.request_id = r.id and x.status = 'offered') as open_offers,
      (select count(*)::int from public.cover_offers x where x.request_id = r.id and x.status = 'accepted') as accepted_offers
    from public.cover_requests r ${cardJoins}
    where ${idFilter("r.org_id", context.orgIds)}
    order by r.created_at desc, r.id
    limit ${rowLimit(COVER_PAGE_SIZE + 1)} offset ${offset}
  `.execute(tx);
  return result.rows;
}

async function ownOffers(tx: Tx, context: CoverContext, page: number) {
  const offset = (page - 1) * COVER_PAGE_SIZE;
  const result = await sql<
    CardRow & {
      offer_id: string;
      offer_status: CoverOfferStatus;
      offered_hours: string;
      accepted_hours: string | null;
      available_from: string;
      offered_at: Date | string;
      offer_org_name: string;
      /** The offer's place on the page (1…21) and how many offers the page read. */
      position: number;
      page_rows: number;
    }
  >`
    with page as materialized (
      -- The page of offers first (cover_offers_org_id_idx in order), then their requests by key:
      -- joining first would make Postgres check every visible request.
      select x.id, x.request_id, x.status, x.hours_per_week, x.accepted_hours, x.available_from, x.created_at, x.org_id
      from public.cover_offers x
      where ${idFilter("x.org_id", context.orgIds)}
      order by x.created_at desc, x.id
      limit ${rowLimit(COVER_PAGE_SIZE + 1)} offset ${offset}
    )
    select ${cardColumns(context.orgIds)},
      x.id as offer_id, x.status as offer_status, x.hours_per_week::text as offered_hours,
      x.accepted_hours::text as accepted_hours, to_char(x.available_from, 'YYYY-MM-DD') as available_from,
      x.created_at as offered_at, xo.name as offer_org_name, x.position::int, x.page_rows::int
    -- Positions before the join: an offer whose request the Träger can no longer see (its own or
    -- the requester's circle membership ended) drops out of the join, and must neither shorten the
    -- page count nor pull the look-ahead row onto this page.
    from (select p.*, row_number() over (order by p.created_at desc, p.id) as position, count(*) over () as page_rows
          from page p) x
    join public.organizations xo on xo.id = x.org_id
    join public.cover_requests r on r.id = x.request_id
    ${cardJoins}
    order by x.created_at desc, x.id
  `.execute(tx);
  return result.rows;
}

export async function loadCoverBoard(user: SessionUser, filters: CoverBoardFilters): Promise<CoverBoard> {
  return asUserReadOnly(user, async (tx) => {
    const context = await coverContext(tx, user.id);
    const reference = await coverReference(tx);
    const board: CoverBoard = {
      view: filters.ansicht,
      inCircle: context.networkIds.length > 0,
      canPost: context.posters.length > 0,
      orgNames: context.orgs.map((o) => o.name),
      reference,
      open: [],
      requests: [],
      offers: [],
      hasMore: false,
      now: new Date().toISOString(),
    };
    if (filters.ansicht === "offen") {
      if (context.networkIds.length === 0) return board;
      const rows = await openRequests(tx, context, filters);
      board.hasMore = rows.length > COVER_PAGE_SIZE;
      board.open = rows.slice(0, COVER_PAGE_SIZE).map((r) => toCard(r, context.orgIds));
    } else if (filters.ansicht === "anfragen") {
      if (context.orgIds.length === 0) return board;
      const rows = await ownRequests(tx, context, filters.seite);
      board.hasMore = rows.length > COVER_PAGE_SIZE;
      board.requests = rows.slice(0, COVER_PAGE_SIZE).map((r) => ({
        ...toCard(r, context.orgIds),
        openOffers: Number(r.open_offers),
        acceptedOffers: Number(r.accepted_offers),
      }));
    } else {
      if (context.orgIds.length === 0) return board;
      const rows = await ownOffers(tx, context, filters.seite);
      board.hasMore = rows.some((r) => r.page_rows > COVER_PAGE_SIZE);
      board.offers = rows.filter((r) => r.position <= COVER_PAGE_SIZE).map((r) => ({
        offerId: r.offer_id,
        offerStatus: r.offer_status,
        offeredHours: String(r.offered_hours),
        acceptedHours: r.accepted_hours === null ? null : String(r.accepted_hours),
        availableFrom: r.available_from,
        offeredAt: iso(r.offered_at)!,
        offerOrgName: r.offer_org_name,
        request: toCard(r, context.orgIds),
      }));
    }
    return board;
  });
}
