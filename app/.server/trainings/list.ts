// The browse page (/fortbildungen) and the dashboard's "Nächste Fortbildungen", read as the
// signed-in user. Seat counts come from the training row (the circle reads them without seeing a
// single registration); "Meine Anmeldungen" and "Von uns organisiert" read what RLS lets the user
// see. Every list is one query with indexed filters and a limit.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, type Tx, asUserReadOnly } from "../db/request";
import type {
  TrainingApprovalState,
  TrainingAudience,
  TrainingClosedReason,
  TrainingRegistrationStatus,
  TrainingStatus,
} from "../db/schema";
import { TRAINING_PAGE_SIZE, TRAINING_TAB_COUNT_CAP, type TrainingFilters } from "~/validation/trainings";
import { berlinMonthRange, berlinParts } from "~/utils/berlin-time";
import { monthText } from "~/utils/format";
import { rowLimit } from "~/.server/db/limits";

export type TopicOption = { code: string; label: string };
export type GemeindeOption = { code: string; name: string; kreis: string };

export type TrainingCard = {
  id: string;
  title: string;
  topicLabel: string;
  audience: TrainingAudience;
  place: string | null;
  gemeindeName: string | null;
  online: boolean;
  startsAt: string | null;
  endsAt: string | null;
  sessionCount: number;
  capacity: number;
  seatsTaken: number;
  waitlistCount: number;
  feeCents: number;
  orgName: string;
  status: TrainingStatus;
  registrationDeadline: string | null;
};

type CardRow = {
  id: string;
  title: string;
  topic_label: string;
  audience: TrainingAudience;
  place: string | null;
  gemeinde_name: string | null;
  online_url: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  session_count: number;
  capacity: number;
  seats_taken: number;
  waitlist_count: number;
  fee_cents: number;
  org_name: string;
  status: TrainingStatus;
  registration_deadline: Date | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toCard(r: CardRow): TrainingCard {
  return {
    id: r.id,
    title: r.title,
    topicLabel: r.topic_label,
    audience: r.audience,
    place: r.place,
    gemeindeName: r.gemeinde_name,
    online: r.online_url !== null,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    sessionCount: Number(r.session_count),
    capacity: r.capacity,
    seatsTaken: r.seats_taken,
    waitlistCount: r.waitlist_count,
    feeCents: r.fee_cents,
    orgName: r.org_name,
    status: r.status,
    registrationDeadline: iso(r.registration_deadline),
  };
}

/** The columns of a card, for `select … from public.trainings t`. */
const cardColumns = sql`
  t.id, t.title, tt.label as topic_label, t.audience, t.place, g.name as gemeinde_name, t.online_url,
  t.starts_at, t.ends_at,
  t.session_count,
  t.capacity, t.seats_taken, t.waitlist_count, t.fee_cents, o.name as org_name, t.status, t.registration_deadline`;
const cardJoins = sql`
  join public.training_topics tt on tt.code = t.topic
  join public.organizations o on o.id = t.org_id
  left join public.gemeinden g on g.code = t.gemeinde`;

export async function trainingReference(tx: Tx): Promise<{ topics: TopicOption[]; gemeinden: GemeindeOption[] }> {
  const topics = await tx.selectFrom("training_topics").select(["code", "label"]).orderBy("sort_order").execute();
  const gemeinden = await tx.selectFrom("gemeinden").select(["code", "name", "kreis"]).orderBy("sort_order").execute();
  return { topics, gemeinden };
}

/** The next twelve months ("2027-03" → "März 2027") for the month filter. */
export function monthOptions(now = new Date()): Array<{ value: string; label: string }> {
  const { date } = berlinParts(now);
  let [year, month] = date.split("-").map(Number) as [number, number];
  const options = [];
  for (let i = 0; i < 12; i++) {
    options.push({ value: `${year}-${String(month).padStart(2, "0")}`, label: monthText(`${year}-${month}`) });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return options;
}

export type OrganizerOption = { orgId: string; orgName: string; networkId: string; networkName: string };

/** The Träger (and their circles) for which the user may organise trainings. */
export async function organizerOptions(tx: Tx, userId: string): Promise<OrganizerOption[]> {
  const rows = await sql<{ org_id: string; org_name: string; network_id: string; network_name: string }>`
    select o.id as org_id, o.name as org_name, n.id as network_id, n.name as network_name
    from public.org_members m
    join public.organizations o on o.id = m.org_id
    join public.network_members nm on nm.org_id = o.id and nm.status = 'active'
    join public.networks n on n.id = nm.network_id
    where m.user_id = ${userId} and m.role in ('owner', 'admin', 'coordinator')
    order by lower(o.name), lower(n.name)
  `.execute(tx);
  return rows.rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, networkId: r.network_id, networkName: r.network_name }));
}

export type TrainingMeta = {
  inCircle: boolean;
  canOrganise: boolean;
  /** Open registrations of the user (and client seats they booked), up to TRAINING_TAB_COUNT_CAP + 1. */
  myCount: number;
  /** Drafts and published trainings the user organises, up to TRAINING_TAB_COUNT_CAP + 1. */
  organisedCount: number;
};

/** What the tabs of /fortbildungen need: counts, and whether the user may organise. */
export async function loadTrainingMeta(user: SessionUser): Promise<TrainingMeta> {
  return asUserReadOnly(user, (tx) => readTrainingMeta(tx, user));
}

/** readTrainingMeta: the same, inside a transaction the caller holds. */
export async function readTrainingMeta(tx: Tx, user: SessionUser): Promise<TrainingMeta> {
    // "organised" is private.managed_training_ids() spelt out, so that it reads the Träger's
    // drafts and published trainings (trainings_org_id_idx: org_id, status) and stops at the cap,
    // instead of every training the Träger ever organised. Its two parts are disjoint (the
    // co-organised ones led by another Träger), so "union all" stops at the cap; "union" first
    // read and de-duplicated every one of them (271 at 10× the bench).
    const meta = await sql<{ circles: number; can_organise: boolean; mine: number; organised: number }>`
      select
        (select count(*)::int from private.user_network_ids()) as circles,
        exists (select 1 from public.org_members m
                join public.network_members nm on nm.org_id = m.org_id and nm.status = 'active'
                where m.user_id = ${user.id} and m.role in ('owner', 'admin', 'coordinator')) as can_organise,
        (select count(*)::int from (
          select 1 from public.training_registrations r
          join public.trainings t on t.id = r.training_id
          where (r.user_id = ${user.id} or (r.user_id is null and r.registered_by = ${user.id}))
            and r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
            and t.status = 'published'
          limit ${rowLimit(TRAINING_TAB_COUNT_CAP + 1)}) x) as mine,
        (select count(*)::int from (
          select t.id from public.trainings t
          join public.org_members m on m.org_id = t.org_id
          where m.user_id = ${user.id} and m.role in ('owner', 'admin', 'coordinator') and t.status in ('draft', 'published')
          union all
          select t.id from public.trainings t
          where t.id in (select c.training_id from public.training_co_organizers c
                         join public.org_members m on m.org_id = c.org_id
                         where m.user_id = ${user.id} and m.role in ('owner', 'admin', 'coordinator'))
            and t.status in ('draft', 'published')
            and t.org_id not in (select m.org_id from public.org_members m
                                 where m.user_id = ${user.id} and m.role in ('owner', 'admin', 'coordinator'))
          limit ${rowLimit(TRAINING_TAB_COUNT_CAP + 1)}) x) as organised
    `.execute(tx);
    const m = meta.rows[0]!;
    return { inCircle: m.circles > 0, canOrganise: m.can_organise, myCount: m.mine, organisedCount: m.organised };
}

/** The user's own open registration for a training (for "Sie: Warteliste Platz 2" on cards). */
export type MyState = {
  status: TrainingRegistrationStatus;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  orgApproval: TrainingApprovalState;
  organizerApproval: TrainingApprovalState;
  closedReason: null;
};

type MineColumns = {
  my_status: TrainingRegistrationStatus | null;
  my_position: number | null;
  my_offer_expires_at: Date | null;
  my_org_approval: TrainingApprovalState | null;
  my_organizer_approval: TrainingApprovalState | null;
};

const mineColumns = sql`mine.status as my_status, mine.waitlist_position as my_position,
  mine.offer_expires_at as my_offer_expires_at, mine.org_approval as my_org_approval,
  mine.organizer_approval as my_organizer_approval`;

/** At most one row per training: the unique index (training_id, user_id) on active registrations. */
const mineJoin = (userId: string) => sql`
  left join lateral (
    select r.status, r.waitlist_position, r.offer_expires_at, r.org_approval, r.organizer_approval
    from public.training_registrations r
    where r.training_id = t.id and r.user_id = ${userId}
      and r.status in ('pending_approval', 'confirmed', 'waitlisted', 'offered')
    limit 1) mine on true`;

function mineOf(r: MineColumns): MyState | null {
  if (!r.my_status) return null;
  return {
    status: r.my_status,
    waitlistPosition: r.my_position,
    offerExpiresAt: iso(r.my_offer_expires_at),
    orgApproval: r.my_org_approval ?? "not_required",
    organizerApproval: r.my_organizer_approval ?? "not_required",
    closedReason: null,
  };
}

export type TrainingList = {
  topics: TopicOption[];
  gemeinden: GemeindeOption[];
  months: Array<{ value: string; label: string }>;
  entries: Array<TrainingCard & { mine: MyState | null }>;
  /** Matching trainings, counted up to TRAINING_COUNT_CAP; `moreThan`: there are more. */
  total: number;
  moreThan: boolean;
  /** A next page exists. */
  hasMore: boolean;
  page: number;
  /** null when the count stopped at the cap (the pagination then shows "Nächste" by hasMore). */
  pageCount: number | null;
};

/** Counting stops here ("mehr als 200 Fortbildungen"): the count stays as cheap at any size. */
export const TRAINING_COUNT_CAP = 200;

/**
 * One page of upcoming published trainings of the user's circles. The explicit filters repeat
 * what RLS enforces (network, status), so the planner walks trainings_network_idx
 * (network_id, status, starts_at) in date order; topic, audience, Gemeinde and month narrow it.
 */
export async function loadTrainingList(user: SessionUser, filters: TrainingFilters): Promise<TrainingList> {
  return asUserReadOnly(user, (tx) => readTrainingList(tx, user, filters));
}

/** readTrainingList: the same, inside a transaction the caller holds. */
export async function readTrainingList(tx: Tx, user: SessionUser, filters: TrainingFilters): Promise<TrainingList> {
    const reference = await trainingReference(tx);
    const conditions = [
      sql`t.network_id in (select private.user_network_ids())`,
      sql`t.status = 'published'`,
      sql`t.starts_at > now()`,
    ];
    if (filters.thema) conditions.push(sql`t.topic = ${filters.thema}`);
    if (filters.zielgruppe) conditions.push(sql`t.audience = ${filters.zielgruppe}`);
    if (filters.gemeinde) conditions.push(sql`t.gemeinde = ${filters.gemeinde}`);
    if (filters.monat) {
      const { from, to } = berlinMonthRange(filters.monat);
      conditions.push(sql`t.starts_at >= ${from} and t.starts_at < ${to}`);
    }
    const where = sql.join(conditions, sql` and `);
    const offset = (filters.seite - 1) * TRAINING_PAGE_SIZE;
    // Pick the page's ids from trainings alone first (one more than a page: is there a next?),
    // then build the 20 cards: with the card joins inside, every matching training was joined
    // before the limit (bench, 10,000 trainings: median 150 ms → 80 ms). The count stops at
    // TRAINING_COUNT_CAP: counting every upcoming training (count(*) over ()) grew with the data
    // (issue 14: 8 of 11 ms at 10,000 trainings).
    const rows = await sql<CardRow & MineColumns>`
      with page as (
        select t.id, t.starts_at
        from public.trainings t
        where ${where}
        order by t.starts_at, t.id
        limit ${rowLimit(TRAINING_PAGE_SIZE + 1)} offset ${offset}
      )
      select ${cardColumns}, ${mineColumns}
      from page join public.trainings t on t.id = page.id ${cardJoins}
      ${mineJoin(user.id)}
      order by page.starts_at, page.id
    `.execute(tx);
    const counted = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from public.trainings t where ${where} limit ${rowLimit(TRAINING_COUNT_CAP + 1)}) x
    `.execute(tx);
    const n = counted.rows[0]?.n ?? 0;
    const moreThan = n > TRAINING_COUNT_CAP;
    return {
      ...reference,
      months: monthOptions(),
      entries: rows.rows.slice(0, TRAINING_PAGE_SIZE).map((r) => ({ ...toCard(r), mine: mineOf(r) })),
      total: Math.min(n, TRAINING_COUNT_CAP),
      moreThan,
      hasMore: rows.rows.length > TRAINING_PAGE_SIZE,
      page: filters.seite,
      pageCount: moreThan ? null : Math.max(1, Math.ceil(n / TRAINING_PAGE_SIZE)),
    };
}

export type MyRegistration = {
  id: string;
  training: TrainingCard;
  status: TrainingRegistrationStatus;
  closedReason: TrainingClosedReason | null;
  clientSeats: boolean;
  seats: number;
  participantName: string | null;
  orgName: string;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  orgApproval: TrainingApprovalState;
  organizerApproval: TrainingApprovalState;
  certificate: boolean;
};

export type MyRegistrationPage = { entries: MyRegistration[]; page: number; hasMore: boolean };

/**
 * The user's own registrations and the client seats they booked: open ones, and those of the
 * last year that took place (for the certificate). Coming trainings first (soonest first), then
 * past ones (latest first), TRAINING_PAGE_SIZE a page.
 */
export async function loadMyRegistrations(user: SessionUser, options: { page?: number } = {}): Promise<MyRegistrationPage> {
  return asUserReadOnly(user, (tx) => readMyRegistrations(tx, user, options));
}

/** readMyRegistrations: the same, inside a transaction the caller holds. */
export async function readMyRegistrations(tx: Tx, user: SessionUser, options: { page?: number } = {}): Promise<MyRegistrationPage> {
    const page = options.page ?? 1;
    const offset = (page - 1) * TRAINING_PAGE_SIZE;
    const wanted = offset + TRAINING_PAGE_SIZE + 1;
    // The page's registrations come from private.my_registration_ids (by the training's dates
    // kept beside each registration: coming ones forwards from now, past ones backwards, each
    // stopping after the rows this page needs). Before, every registration the person ever had was
    // joined to its training before the order and the limit (issue 14: ~950 a person at 10× the
    // bench). A registered training always has a start (registering needs one, and a training's
    // sessions are never emptied), so there is no part for registrations without one. Ties
    // in the start: coming ones by id, past ones by id descending (the function's index order).
    const rows = await sql<
      CardRow & {
        registration_id: string;
        reg_status: TrainingRegistrationStatus;
        closed_reason: TrainingClosedReason | null;
        user_id: string | null;
        seats: number;
        participant_name: string | null;
        reg_org_name: string;
        waitlist_position: number | null;
        offer_expires_at: Date | null;
        org_approval: TrainingApprovalState;
        organizer_approval: TrainingApprovalState;
        certificate: boolean;
      }
    >`
      select ${cardColumns},
        r.id as registration_id, r.status as reg_status, r.closed_reason, r.user_id, r.seats, r.participant_name,
        ro.name as reg_org_name, r.waitlist_position, r.offer_expires_at, r.org_approval, r.organizer_approval,
        coalesce(r.user_id = ${user.id} and r.status in ('confirmed', 'attended') and exists (
          select 1 from public.training_attendance a where a.registration_id = r.id and a.present_seats > 0), false) as certificate
      from private.my_registration_ids(${wanted}) picked (id)
      join public.training_registrations r on r.id = picked.id
      join public.trainings t on t.id = r.training_id
      join public.organizations ro on ro.id = r.org_id
      ${cardJoins}
      order by (t.starts_at < now()), case when t.starts_at < now() then null else t.starts_at end,
        t.starts_at desc, case when t.starts_at < now() then null else r.id end, r.id desc
      limit ${rowLimit(TRAINING_PAGE_SIZE + 1)} offset ${offset}
    `.execute(tx);
    const entries = rows.rows.slice(0, TRAINING_PAGE_SIZE).map((r) => ({
      id: r.registration_id,
      training: toCard(r),
      status: r.reg_status,
      closedReason: r.closed_reason,
      clientSeats: r.user_id === null,
      seats: r.seats,
      participantName: r.participant_name,
      orgName: r.reg_org_name,
      waitlistPosition: r.waitlist_position,
      offerExpiresAt: iso(r.offer_expires_at),
      orgApproval: r.org_approval,
      organizerApproval: r.organizer_approval,
      certificate: r.certificate,
    }));
    return { entries, page, hasMore: rows.rows.length > TRAINING_PAGE_SIZE };
}

export type OrganisedTraining = TrainingCard & { pendingApprovals: number; offered: number };

/** Trainings the user organises (lead or co-organizer): drafts, published, recently closed. */
export async function loadOrganisedTrainings(user: SessionUser): Promise<OrganisedTraining[]> {
  return asUserReadOnly(user, (tx) => readOrganisedTrainings(tx, user));
}

/** readOrganisedTrainings: the same, inside a transaction the caller holds. */
export async function readOrganisedTrainings(tx: Tx, user: SessionUser): Promise<OrganisedTraining[]> {
    const rows = await sql<CardRow & { pending: number; offered: number }>`
      select ${cardColumns}, t.seats_pending as pending, t.seats_offered as offered
      from public.trainings t ${cardJoins}
      where t.id in (select private.managed_training_ids())
        and (t.status in ('draft', 'published') or coalesce(t.held_at, t.cancelled_at) > now() - interval '60 days')
      order by case t.status when 'draft' then 0 when 'published' then 1 else 2 end, t.starts_at nulls first, t.id
      limit 100
    `.execute(tx);
    return rows.rows.map((r) => ({ ...toCard(r), pendingApprovals: r.pending, offered: r.offered }));
}

export type UpcomingTraining = TrainingCard & { mine: MyState | null };

/** The dashboard: the next published trainings of the user's circles, with the user's own state. */
export async function loadUpcomingTrainings(user: SessionUser, limit = 3): Promise<UpcomingTraining[]> {
  return asUserReadOnly(user, async (tx) => {
    const rows = await sql<CardRow & MineColumns>`
      select ${cardColumns}, ${mineColumns}
      from public.trainings t ${cardJoins}
      ${mineJoin(user.id)}
      where t.network_id in (select private.user_network_ids()) and t.status = 'published' and t.starts_at > now()
      order by t.starts_at, t.id
      limit ${rowLimit(limit)}
    `.execute(tx);
    return rows.rows.map((r) => ({ ...toCard(r), mine: mineOf(r) }));
  });
}

