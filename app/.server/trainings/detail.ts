// Everything the detail page (/fortbildungen/:id) shows, read in one transaction as the user.
// What a person sees is what RLS returns: the training and its counts for the circle (drafts for
// the organising Träger), registrations for the person, their Träger's admins and the organizers.
// The viewer's roles decide only which buttons appear; the SQL functions decide what happens.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, type Tx, asUserReadOnly } from "../db/request";
import type {
  OrgRole,
  TrainingApprovalState,
  TrainingAudience,
  TrainingClosedReason,
  TrainingRegistrationStatus,
  TrainingStatus,
} from "../db/schema";
import { activeHide, type ActiveHide } from "../sozialdaten-hides";
import { rowLimit } from "~/.server/db/limits";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export type TrainingInfo = {
  id: string;
  networkId: string;
  orgId: string;
  orgName: string;
  orgSlug: string;
  orgEmail: string | null;
  title: string;
  description: string;
  topic: string;
  topicLabel: string;
  audience: TrainingAudience;
  speaker: string;
  place: string | null;
  gemeinde: string | null;
  gemeindeName: string | null;
  onlineUrl: string | null;
  capacity: number;
  minParticipants: number | null;
  goNoGoDate: string | null;
  feeCents: number;
  registrationDeadline: string | null;
  cancellationDeadline: string | null;
  needsOrgApproval: boolean;
  needsOrganizerApproval: boolean;
  defaultContingent: number | null;
  contingentReleaseAt: string | null;
  offerHours: number;
  /** Unterrichtseinheiten the organizer set; null: counted from the sessions (45 minutes each). */
  teachingUnits: number | null;
  status: TrainingStatus;
  startsAt: string | null;
  endsAt: string | null;
  seatsConfirmed: number;
  seatsPending: number;
  seatsOffered: number;
  seatsTaken: number;
  waitlistCount: number;
  waitlistSeats: number;
  cancelReason: string | null;
  goNoGoBelowMinimum: boolean | null;
};

export type SessionInfo = { id: string; position: number; startsAt: string; endsAt: string };

export type RegistrationInfo = {
  id: string;
  orgId: string;
  orgName: string;
  userId: string | null;
  participantName: string | null;
  seats: number;
  status: TrainingRegistrationStatus;
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  orgApproval: TrainingApprovalState;
  organizerApproval: TrainingApprovalState;
  registeredAt: string;
  closedReason: TrainingClosedReason | null;
  registeredByMe: boolean;
  /** session id → seats present (1/0 for a person). */
  attendance: Record<string, number>;
};

export type OrgSeats = {
  orgId: string;
  orgName: string;
  contingent: number | null;
  seatsHeld: number;
  seatsWaitlisted: number;
  seatsConfirmed: number;
};

export type Colleague = { userId: string; fullName: string; registered: boolean };

export type QueueMove = { registrationId: string; from: number; to: number; reason: string; movedAt: string };

export type TrainingDetail = {
  training: TrainingInfo;
  sessions: SessionInfo[];
  coOrganizers: Array<{ orgId: string; name: string; slug: string }>;
  viewer: {
    userId: string;
    isOrganizer: boolean;
    isLead: boolean;
    /** The viewer's Träger in this training's circle, with the viewer's role. */
    orgs: Array<{ orgId: string; name: string; role: OrgRole }>;
  };
  registrations: RegistrationInfo[];
  orgSeats: OrgSeats[];
  /** Per Träger where the viewer is owner or admin: colleagues they may register. */
  colleagues: Array<{ orgId: string; orgName: string; people: Colleague[] }>;
  moves: QueueMove[];
  certificate: boolean;
  /** Hidden for Sozialdaten (only the organising Träger sees it then). */
  hide: ActiveHide | null;
  /** One of the viewer's Träger coordinates the training's circle (may hide it directly). */
  coordinatesCircle: boolean;
};

type TrainingRow = {
  id: string;
  network_id: string;
  org_id: string;
  org_name: string;
  org_slug: string;
  org_email: string | null;
  title: string;
  description: string;
  topic: string;
  topic_label: string;
  audience: TrainingAudience;
  speaker: string;
  place: string | null;
  gemeinde: string | null;
  gemeinde_name: string | null;
  online_url: string | null;
  capacity: number;
  min_participants: number | null;
  go_no_go_date: Date | string | null;
  fee_cents: number;
  registration_deadline: Date | null;
  cancellation_deadline: Date | null;
  needs_org_approval: boolean;
  needs_organizer_approval: boolean;
  default_contingent: number | null;
  contingent_release_at: Date | null;
  offer_hours: number;
  teaching_units: string | number | null;
  status: TrainingStatus;
  starts_at: Date | null;
  ends_at: Date | null;
  seats_confirmed: number;
  seats_pending: number;
  seats_offered: number;
  seats_taken: number;
  waitlist_count: number;
  waitlist_seats: number;
  cancel_reason: string | null;
  go_no_go_below_minimum: boolean | null;
  is_organizer: boolean;
};

/** A date column (no time) as "YYYY-MM-DD", whichever way the driver hands it over. */
function dateOnly(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value.slice(0, 10);
  return value.toISOString().slice(0, 10);
}

/** The training as the user may see it (null when RLS hides it). */
export async function readTraining(tx: Tx, trainingId: string): Promise<TrainingInfo & { isOrganizer: boolean } | null> {
  const result = await sql<TrainingRow>`
    select t.id, t.network_id, t.org_id, o.name as org_name, o.slug as org_slug, o.email as org_email,
      t.title, t.description, t.topic, tt.label as topic_label, t.audience, t.speaker, t.place, t.gemeinde,
      g.name as gemeinde_name, t.online_url, t.capacity, t.min_participants, t.go_no_go_date, t.fee_cents,
      t.registration_deadline, t.cancellation_deadline, t.needs_org_approval, t.needs_organizer_approval,
      t.default_contingent, t.contingent_release_at, t.offer_hours, t.teaching_units, t.status, t.starts_at, t.ends_at,
      t.seats_confirmed, t.seats_pending, t.seats_offered, t.seats_taken, t.waitlist_count, t.waitlist_seats,
      t.cancel_reason, t.go_no_go_below_minimum,
      t.id in (select private.managed_training_ids()) as is_organizer
    from public.trainings t
    join public.training_topics tt on tt.code = t.topic
    join public.organizations o on o.id = t.org_id
    left join public.gemeinden g on g.code = t.gemeinde
    where t.id = ${trainingId}
  `.execute(tx);
  const r = result.rows[0];
  if (!r) return null;
  return {
    id: r.id,
    networkId: r.network_id,
    orgId: r.org_id,
    orgName: r.org_name,
    orgSlug: r.org_slug,
    orgEmail: r.org_email,
    title: r.title,
    description: r.description,
    topic: r.topic,
    topicLabel: r.topic_label,
    audience: r.audience,
    speaker: r.speaker,
    place: r.place,
    gemeinde: r.gemeinde,
    gemeindeName: r.gemeinde_name,
    onlineUrl: r.online_url,
    capacity: r.capacity,
    minParticipants: r.min_participants,
    goNoGoDate: dateOnly(r.go_no_go_date),
    feeCents: r.fee_cents,
    registrationDeadline: iso(r.registration_deadline),
    cancellationDeadline: iso(r.cancellation_deadline),
    needsOrgApproval: r.needs_org_approval,
    needsOrganizerApproval: r.needs_organizer_approval,
    defaultContingent: r.default_contingent,
    contingentReleaseAt: iso(r.contingent_release_at),
    offerHours: r.offer_hours,
    teachingUnits: r.teaching_units === null ? null : Number(r.teaching_units),
    status: r.status,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    seatsConfirmed: r.seats_confirmed,
    seatsPending: r.seats_pending,
    seatsOffered: r.seats_offered,
    seatsTaken: r.seats_taken,
    waitlistCount: r.waitlist_count,
    waitlistSeats: r.waitlist_seats,
    cancelReason: r.cancel_reason,
    goNoGoBelowMinimum: r.go_no_go_below_minimum,
    isOrganizer: r.is_organizer,
  };
}

export async function readSessions(tx: Tx, trainingId: string): Promise<SessionInfo[]> {
  const rows = await tx
    .selectFrom("training_sessions")
    .select(["id", "position", "starts_at", "ends_at"])
    .where("training_id", "=", trainingId)
    .orderBy("position")
    .execute();
  return rows.map((s) => ({ id: s.id, position: s.position, startsAt: iso(s.starts_at)!, endsAt: iso(s.ends_at)! }));
}

export async function readCoOrganizers(tx: Tx, trainingId: string) {
  return tx
    .selectFrom("training_co_organizers as c")
    .innerJoin("organizations as o", "o.id", "c.org_id")
    .select(["o.id as orgId", "o.name", "o.slug"])
    .where("c.training_id", "=", trainingId)
    .orderBy(sql`lower(o.name)`)
    .execute();
}

/** Registrations of the training the user may see (RLS), in queue order, with attendance. */
export async function readRegistrations(tx: Tx, trainingId: string, userId: string): Promise<RegistrationInfo[]> {
  const rows = await sql<{
    id: string;
    org_id: string;
    org_name: string;
    user_id: string | null;
    participant_name: string | null;
    seats: number;
    status: TrainingRegistrationStatus;
    waitlist_position: number | null;
    offer_expires_at: Date | null;
    org_approval: TrainingApprovalState;
    organizer_approval: TrainingApprovalState;
    registered_at: Date;
    closed_reason: TrainingClosedReason | null;
    registered_by: string | null;
    attendance: Record<string, number> | null;
  }>`
    select r.id, r.org_id, o.name as org_name, r.user_id, r.participant_name, r.seats, r.status,
      r.waitlist_position, r.offer_expires_at, r.org_approval, r.organizer_approval, r.registered_at,
      r.closed_reason, r.registered_by,
      (select jsonb_object_agg(a.session_id, a.present_seats) from public.training_attendance a
        where a.registration_id = r.id) as attendance
    from public.training_registrations r
    join public.organizations o on o.id = r.org_id
    where r.training_id = ${trainingId}
    order by case r.status when 'confirmed' then 0 when 'attended' then 0 when 'no_show' then 0
        when 'pending_approval' then 1 when 'offered' then 2 when 'waitlisted' then 3 else 4 end,
      r.waitlist_position nulls last, r.arrival_no
  `.execute(tx);
  return rows.rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    userId: r.user_id,
    participantName: r.participant_name,
    seats: r.seats,
    status: r.status,
    waitlistPosition: r.waitlist_position,
    offerExpiresAt: iso(r.offer_expires_at),
    orgApproval: r.org_approval,
    organizerApproval: r.organizer_approval,
    registeredAt: iso(r.registered_at)!,
    closedReason: r.closed_reason,
    registeredByMe: r.registered_by === userId,
    attendance: r.attendance ?? {},
  }));
}

/** Seats per Träger (public.training_org_seats: organizers all Träger, others their own). */
export async function readOrgSeats(tx: Tx, trainingId: string): Promise<OrgSeats[]> {
  const rows = await sql<{
    org_id: string;
    org_name: string;
    contingent: number | null;
    seats_held: number;
    seats_waitlisted: number;
    seats_confirmed: number;
  }>`
    select s.org_id, o.name as org_name, s.contingent, s.seats_held, s.seats_waitlisted, s.seats_confirmed
    from public.training_org_seats(${trainingId}::uuid) s
    join public.organizations o on o.id = s.org_id
    order by lower(o.name)
  `.execute(tx);
  return rows.rows.map((r) => ({
    orgId: r.org_id,
    orgName: r.org_name,
    contingent: r.contingent,
    seatsHeld: r.seats_held,
    seatsWaitlisted: r.seats_waitlisted,
    seatsConfirmed: r.seats_confirmed,
  }));
}

export async function loadTrainingDetail(user: SessionUser, trainingId: string): Promise<TrainingDetail | null> {
  return asUserReadOnly(user, async (tx) => {
    const info = await readTraining(tx, trainingId);
    if (!info) return null;
    const { isOrganizer, ...training } = info;
    const [sessions, coOrganizers, registrations, orgSeats] = [
      await readSessions(tx, trainingId),
      await readCoOrganizers(tx, trainingId),
      await readRegistrations(tx, trainingId, user.id),
      await readOrgSeats(tx, trainingId),
    ];
    const orgs = await sql<{ org_id: string; name: string; role: OrgRole }>`
      select o.id as org_id, o.name, m.role
      from public.org_members m
      join public.organizations o on o.id = m.org_id
      join public.network_members nm on nm.org_id = m.org_id and nm.network_id = ${training.networkId} and nm.status = 'active'
      where m.user_id = ${user.id}
      order by lower(o.name)
    `.execute(tx);
    const adminOrgIds = orgs.rows.filter((o) => o.role === "owner" || o.role === "admin").map((o) => o.org_id);
    const colleagues: TrainingDetail["colleagues"] = [];
    if (adminOrgIds.length > 0 && training.status === "published") {
      const active = new Set(
        registrations
          .filter((r) => r.userId && ["pending_approval", "confirmed", "waitlisted", "offered"].includes(r.status))
          .map((r) => r.userId),
      );
      const people = await tx
        .selectFrom("org_members as m")
        .innerJoin("profiles as p", "p.user_id", "m.user_id")
        .select(["m.org_id as orgId", "m.user_id as userId", "p.full_name as fullName"])
        .where("m.org_id", "in", adminOrgIds)
        .where("m.user_id", "<>", user.id)
        .orderBy("p.full_name")
        .execute();
      for (const org of orgs.rows.filter((o) => adminOrgIds.includes(o.org_id))) {
        colleagues.push({
          orgId: org.org_id,
          orgName: org.name,
          people: people
            .filter((p) => p.orgId === org.org_id)
            .map((p) => ({ userId: p.userId, fullName: p.fullName, registered: active.has(p.userId) })),
        });
      }
    }
    const moves = isOrganizer
      ? (
          await tx
            .selectFrom("training_queue_moves")
            .select(["registration_id", "from_position", "to_position", "reason", "moved_at"])
            .where("training_id", "=", trainingId)
            .orderBy("moved_at", "desc")
            .limit(rowLimit(50))
            .execute()
        ).map((m) => ({
          registrationId: m.registration_id,
          from: m.from_position,
          to: m.to_position,
          reason: m.reason,
          movedAt: iso(m.moved_at)!,
        }))
      : [];
    const mine = registrations.find((r) => r.userId === user.id && (r.status === "confirmed" || r.status === "attended"));
    const hide = await activeHide(tx, "training", trainingId);
    const myOrgIds = orgs.rows.map((o) => o.org_id);
    const coordinatesCircle =
      myOrgIds.length > 0 &&
      Boolean(
        await tx
          .selectFrom("network_members")
          .select("org_id")
          .where("network_id", "=", training.networkId)
          .where("role", "=", "coordinator")
          .where("org_id", "in", myOrgIds)
          .executeTakeFirst(),
      );
    return {
      training,
      sessions,
      coOrganizers,
      viewer: {
        userId: user.id,
        isOrganizer,
        isLead: isOrganizer && orgs.rows.some((o) => o.org_id === training.orgId && o.role !== "member"),
        orgs: orgs.rows.map((o) => ({ orgId: o.org_id, name: o.name, role: o.role })),
      },
      registrations,
      orgSeats,
      colleagues,
      moves,
      certificate: Boolean(mine && Object.values(mine.attendance).some((n) => n > 0)),
      hide,
      coordinatesCircle,
    };
  });
}
