// Builders for the Fortbildungen tests: trainings created and published by an organizer through
// the real SQL (RLS insert, set_training_sessions, publish_training), registrations through
// public.register_for_training as the signed-in user, and owner-side reads for assertions.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { Database } from "../../app/.server/db/connection";
import { dbErrorCode } from "../../app/.server/db/errors";
import { asUser } from "../../app/.server/db/request";
import type { DB, TrainingRegistrationStatus } from "../../app/.server/db/schema";
import { berlinParts, berlinToInstant } from "../../app/utils/berlin-time";

type Person = { id: string; email: string };
export type SessionInput = { startsAt: Date; endsAt: Date };

const hours = (n: number) => n * 3600_000;
const days = (n: number) => hours(24 * n);

/** Two sessions, 10 and 11 days from now, 09:00–12:00 Berlin time (3 hours each): a fixed
 * wall-clock hour, so a test run late in the evening never gets a session across midnight (the
 * form takes a date with a start and an end time). */
export function defaultSessions(fromNow = days(10)): SessionInput[] {
  const start = berlinToInstant(berlinParts(new Date(Date.now() + fromNow)).date, "09:00").getTime();
  return [
    { startsAt: new Date(start), endsAt: new Date(start + hours(3)) },
    { startsAt: new Date(start + days(1)), endsAt: new Date(start + days(1) + hours(3)) },
  ];
}

export type TrainingOptions = {
  title?: string;
  capacity?: number;
  feeCents?: number;
  sessions?: SessionInput[];
  needsOrgApproval?: boolean;
  needsOrganizerApproval?: boolean;
  defaultContingent?: number | null;
  contingentReleaseAt?: Date | null;
  minParticipants?: number | null;
  goNoGoDate?: string | null;
  registrationDeadline?: Date | null;
  cancellationDeadline?: Date | null;
  offerHours?: number;
  publish?: boolean;
};

export function sessionsJson(sessions: SessionInput[]): string {
  return JSON.stringify(sessions.map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })));
}

/** Creates (and by default publishes) a training of `orgId` in `networkId`, as `organizer`. */
export async function createTraining(
  organizer: Person,
  orgId: string,
  networkId: string,
  options: TrainingOptions = {},
): Promise<string> {
  return asUser(organizer, async (tx) => {
    const row = await tx
      .insertInto("trainings")
      .values({
        network_id: networkId,
        org_id: orgId,
        title: options.title ?? "Deeskalation im Alltag",
        topic: "deeskalation",
        audience: "fachkraefte",
        place: "Bildungshaus, Am Markt 1, 46483 Wesel",
        gemeinde: "wesel",
        capacity: options.capacity ?? 10,
        fee_cents: options.feeCents ?? 4500,
        needs_org_approval: options.needsOrgApproval ?? false,
        needs_organizer_approval: options.needsOrganizerApproval ?? false,
        default_contingent: options.defaultContingent ?? null,
        contingent_release_at: options.contingentReleaseAt ?? null,
        min_participants: options.minParticipants ?? null,
        go_no_go_date: options.goNoGoDate ?? null,
        registration_deadline: options.registrationDeadline ?? null,
        cancellation_deadline: options.cancellationDeadline ?? null,
        offer_hours: options.offerHours ?? 48,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await sql`select public.set_training_sessions(${row.id}::uuid, ${sessionsJson(options.sessions ?? defaultSessions())}::text::jsonb)`.execute(
      tx,
    );
    if (options.publish ?? true) await sql`select public.publish_training(${row.id}::uuid)`.execute(tx);
    return row.id;
  });
}

/** public.register_for_training as `user`; participant null books client seats. */
export async function register(
  user: Person,
  trainingId: string,
  participant: string | null,
  seats = 1,
  orgId: string | null = null,
): Promise<string> {
  return asUser(user, async (tx) => {
    const result = await sql<{ id: string }>`
      select public.register_for_training(${trainingId}::uuid, ${participant}::uuid, ${seats}::int, ${orgId}::uuid) as id
    `.execute(tx);
    return result.rows[0]!.id;
  });
}

/** Registers `user` themselves. */
export const registerSelf = (user: Person, trainingId: string) => register(user, trainingId, user.id);

/** Runs one statement (a call of a training function) as `user`, in its own asUser transaction. */
export async function call(user: Person, statement: ReturnType<typeof sql>): Promise<void> {
  await asUser(user, async (tx) => {
    await statement.execute(tx);
  });
}

/** The TK_* code a call failed with (undefined when it did not fail with one). */
export async function tkCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const code = dbErrorCode(error);
    if (code) return code;
    throw error;
  }
  throw new Error("expected the call to fail with a TK_* code, but it succeeded");
}

export type RegistrationRow = {
  id: string;
  user_id: string | null;
  org_id: string;
  seats: number;
  status: TrainingRegistrationStatus;
  waitlist_position: number | null;
  arrival_no: string;
  registered_at: Date;
  offer_expires_at: Date | null;
  closed_reason: string | null;
};

/** Every registration of a training, in arrival order (owner connection: no RLS). Ordered by the
 * bigint column, not by the text it is returned as (the driver would give bigint as a string). */
export async function registrationsOf(db: Kysely<DB>, trainingId: string): Promise<RegistrationRow[]> {
  const result = await sql<RegistrationRow>`
    select id, user_id, org_id, seats, status, waitlist_position, arrival_no::text as arrival_no, registered_at,
      offer_expires_at, closed_reason
    from public.training_registrations r where training_id = ${trainingId}::uuid order by r.arrival_no
  `.execute(db);
  return result.rows;
}

export async function registration(db: Kysely<DB>, id: string): Promise<RegistrationRow> {
  const result = await sql<RegistrationRow>`
    select id, user_id, org_id, seats, status, waitlist_position, arrival_no::text as arrival_no, registered_at,
      offer_expires_at, closed_reason
    from public.training_registrations where id = ${id}::uuid
  `.execute(db);
  return result.rows[0]!;
}

export type TrainingCounts = {
  capacity: number;
  seats_confirmed: number;
  seats_pending: number;
  seats_offered: number;
  seats_taken: number;
  waitlist_count: number;
  waitlist_seats: number;
  status: string;
};

export async function countsOf(db: Kysely<DB>, trainingId: string): Promise<TrainingCounts> {
  const result = await sql<TrainingCounts>`
    select capacity, seats_confirmed, seats_pending, seats_offered, seats_taken, waitlist_count, waitlist_seats, status
    from public.trainings where id = ${trainingId}::uuid
  `.execute(db);
  return result.rows[0]!;
}

/**
 * The seat invariants, checked in ONE statement (one snapshot): the counters equal the sums of
 * the rows, seats taken never exceed the capacity, waitlist positions are 1..n without gaps, and
 * nobody waits while a seat is free for them (no contingents: every waiting registration would fit
 * one free seat... so with a free seat the smallest waiting registration must not fit).
 */
export async function invariantViolations(db: Kysely<DB>, trainingId: string): Promise<string[]> {
  const result = await sql<{
    counters_match: boolean;
    within_capacity: boolean;
    dense_positions: boolean;
    nobody_fits_waiting: boolean;
  }>`
    with t as (select * from public.trainings where id = ${trainingId}::uuid),
    r as (select * from public.training_registrations where training_id = ${trainingId}::uuid),
    agg as (
      select
        coalesce(sum(seats) filter (where status in ('confirmed', 'attended', 'no_show')), 0)::int as confirmed,
        coalesce(sum(seats) filter (where status = 'pending_approval'), 0)::int as pending,
        coalesce(sum(seats) filter (where status = 'offered'), 0)::int as offered,
        count(*) filter (where status = 'waitlisted')::int as waiting,
        coalesce(sum(seats) filter (where status = 'waitlisted'), 0)::int as waiting_seats,
        coalesce(min(seats) filter (where status = 'waitlisted'), 0)::int as smallest_waiting,
        coalesce(array_agg(waitlist_position order by waitlist_position) filter (where status = 'waitlisted'), '{}') as positions
      from r)
    select
      (t.seats_confirmed, t.seats_pending, t.seats_offered, t.waitlist_count, t.waitlist_seats)
        = (agg.confirmed, agg.pending, agg.offered, agg.waiting, agg.waiting_seats) as counters_match,
      agg.confirmed + agg.pending + agg.offered <= t.capacity as within_capacity,
      agg.positions = coalesce(array(select generate_series(1, agg.waiting)), '{}') as dense_positions,
      (agg.waiting = 0 or t.status <> 'published'
        or t.capacity - (agg.confirmed + agg.pending + agg.offered) < agg.smallest_waiting
        or t.default_contingent is not null
        or exists (select 1 from public.training_contingents c where c.training_id = t.id)) as nobody_fits_waiting
    from t, agg
  `.execute(db);
  const row = result.rows[0]!;
  return Object.entries(row)
    .filter(([, ok]) => !ok)
    .map(([name]) => name);
}

/** Runs a private job as the owner connection (what the worker does as service_role). */
export async function runJob(database: Database, job: string): Promise<number> {
  const result = await sql<{ n: number }>`select ${sql.raw(`private.${job}()`)} as n`.execute(database.db);
  return Number(result.rows[0]!.n);
}

/** Mails in the outbox for a training (template, recipient, props). */
export async function trainingMails(db: Kysely<DB>, trainingId: string) {
  const result = await sql<{ template: string; to: string; props: Record<string, unknown> }>`
    select payload->>'template' as template, payload->>'to' as to, payload->'props' as props
    from private.outbox where payload->'props'->>'trainingId' = ${trainingId} order by id
  `.execute(db);
  return result.rows;
}

/** What a refused call must leave untouched. */
export async function footprint(db: Kysely<DB>) {
  const result = await sql<Record<string, string>>`
    select
      (select count(*) from public.trainings)::text as trainings,
      (select count(*) from public.training_sessions)::text as sessions,
      (select string_agg(id::text || starts_at::text || ends_at::text, ',' order by id) from public.training_sessions) as session_times,
      (select count(*) from public.training_contingents)::text as contingents,
      (select string_agg(id::text || status || coalesce(waitlist_position::text, '-'), ',' order by id)
         from public.training_registrations) as registrations,
      (select string_agg(id::text || capacity || seats_confirmed || seats_taken || waitlist_count || status
           || fee_cents || coalesce(registration_deadline::text, '-') || coalesce(cancellation_deadline::text, '-'),
         ',' order by id) from public.trainings) as training_rows,
      (select count(*) from private.outbox)::text as outbox,
      (select count(*) from public.notifications)::text as notifications,
      (select count(*) from public.training_queue_moves)::text as moves
  `.execute(db);
  return result.rows[0]!;
}
