// The organizer's writes: create and edit a training (row, sessions, co-organizers in ONE asUser
// transaction, so a refusal of any step leaves nothing behind), publish, cancel, mark as held,
// delete a draft. RLS and the trainings trigger decide; their TK_* codes are mapped to the form
// field they concern (trainingFieldFor) or shown above the form.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { refusalField, replyToRefusal, type RefusalFields } from "../forms/reply";
import { asUser, type Tx, asUserReadOnly } from "../db/request";
import { berlinDateTimeToInstant, berlinToInstant } from "~/utils/berlin-time";
import type { TrainingFormInput } from "~/validation/trainings";
import { organizerOptions, trainingReference, type GemeindeOption, type OrganizerOption, type TopicOption } from "./list";

/** The form field a database refusal belongs to (undefined: a form-level message). */
export const TRAINING_FIELDS: RefusalFields = {
  TK_TRAINING_UNKNOWN_TOPIC: "topic",
  TK_SOZIALDATEN: "description",
  TK_UNKNOWN_GEMEINDE: "gemeinde",
  TK_TRAINING_ORG_NOT_IN_CIRCLE: "orgId",
  TK_TRAINING_NEGATIVE_FEE: "fee",
  TK_TRAINING_CAPACITY_INVALID: "capacity",
  TK_TRAINING_CAPACITY_BELOW_SEATS: "capacity",
  TK_TRAINING_GO_NO_GO_INCOMPLETE: "goNoGoDate",
  TK_TRAINING_MINIMUM_INVALID: "minParticipants",
  TK_TRAINING_PLACE_MISSING: "place",
  TK_TRAINING_ONLINE_URL_INVALID: "onlineUrl",
  TK_TRAINING_OFFER_HOURS_INVALID: "offerHours",
  TK_TRAINING_CONTINGENT_INVALID: "defaultContingent",
  TK_TRAINING_CONTINGENT_BELOW_SEATS: "defaultContingent",
  TK_TRAINING_REGISTRATION_DEADLINE_AFTER_START: "registrationDeadline",
  TK_TRAINING_CANCELLATION_DEADLINE_AFTER_START: "cancellationDeadline",
  TK_TRAINING_CONTINGENT_RELEASE_AFTER_START: "contingentReleaseAt",
  TK_TRAINING_GO_NO_GO_AFTER_START: "goNoGoDate",
  TK_TRAINING_CO_ORGANIZER_INVALID: "coOrganizers",
  TK_TRAINING_SESSIONS_MISSING: "sessions",
  TK_TRAINING_SESSION_INVALID: "sessions",
  TK_TRAINING_SESSION_ENDS_BEFORE_START: "sessions",
  TK_TRAINING_SESSIONS_OUT_OF_ORDER: "sessions",
  TK_TRAINING_IN_PAST: "sessions",
};

export function trainingFieldFor(error: unknown): string | undefined {
  return refusalField(error, TRAINING_FIELDS);
}

/** The training's columns from the form (times read as Berlin wall clock). */
function columns(input: TrainingFormInput) {
  const at = (value: string | undefined) => (value ? berlinDateTimeToInstant(value) : null);
  return {
    title: input.title,
    description: input.description ?? "",
    topic: input.topic,
    audience: input.audience,
    speaker: input.speaker ?? "",
    place: input.place ?? null,
    gemeinde: input.gemeinde ?? null,
    online_url: input.onlineUrl ?? null,
    capacity: input.capacity,
    min_participants: input.minParticipants ?? null,
    go_no_go_date: input.goNoGoDate ?? null,
    fee_cents: input.fee,
    registration_deadline: at(input.registrationDeadline),
    cancellation_deadline: at(input.cancellationDeadline),
    needs_org_approval: input.needsOrgApproval,
    needs_organizer_approval: input.needsOrganizerApproval,
    default_contingent: input.defaultContingent ?? null,
    contingent_release_at: input.defaultContingent ? at(input.contingentReleaseAt) : null,
    offer_hours: input.offerHours,
    teaching_units: input.teachingUnits ?? null,
  };
}

export function sessionsJson(input: TrainingFormInput): string {
  return JSON.stringify(
    input.sessions.map((s) => ({
      startsAt: berlinToInstant(s.date, s.start).toISOString(),
      endsAt: berlinToInstant(s.date, s.end).toISOString(),
    })),
  );
}

// ::text first: postgres.js would otherwise serialise the string as a JSON string, not an array.
async function setSessions(tx: Tx, trainingId: string, input: TrainingFormInput) {
  await sql`select public.set_training_sessions(${trainingId}::uuid, ${sessionsJson(input)}::text::jsonb)`.execute(tx);
}

async function setCoOrganizers(tx: Tx, trainingId: string, wanted: string[]) {
  const current = (
    await tx.selectFrom("training_co_organizers").select("org_id").where("training_id", "=", trainingId).execute()
  ).map((r) => r.org_id);
  const remove = current.filter((id) => !wanted.includes(id));
  const add = wanted.filter((id) => !current.includes(id));
  if (remove.length > 0) {
    await tx.deleteFrom("training_co_organizers").where("training_id", "=", trainingId).where("org_id", "in", remove).execute();
  }
  if (add.length > 0) {
    await tx
      .insertInto("training_co_organizers")
      .values(add.map((orgId) => ({ training_id: trainingId, org_id: orgId })))
      .execute();
  }
}

/**
 * Creates a training (and publishes it when asked): the row, its sessions and co-organizers in
 * one transaction. Sessions go in before the deadlines are checked against them: the row is
 * inserted without sessions (no start yet), set_training_sessions sets starts_at and the trigger
 * then checks the deadlines against the first session.
 */
export async function createTraining(user: SessionUser, input: TrainingFormInput, publish: boolean): Promise<string> {
  return asUser(user, async (tx) => {
    const row = await tx
      .insertInto("trainings")
      .values({ network_id: input.networkId, org_id: input.orgId, ...columns(input) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setSessions(tx, row.id, input);
    await setCoOrganizers(tx, row.id, input.coOrganizers);
    if (publish) await sql`select public.publish_training(${row.id}::uuid)`.execute(tx);
    return row.id;
  });
}

/**
 * Saves the organizer's changes. Returns false when the training is not there for the user
 * (RLS: not an organizer). Co-organizers change only for the lead Träger (RLS refuses others;
 * the form does not offer it to them).
 */
export async function updateTraining(
  user: SessionUser,
  trainingId: string,
  input: TrainingFormInput,
  options: { publish: boolean; lead: boolean },
): Promise<boolean> {
  return asUser(user, async (tx) => {
    const current = await tx
      .selectFrom("trainings")
      .select(["id", "starts_at"])
      .where("id", "=", trainingId)
      .where(sql<boolean>`id in (select private.managed_training_ids())`)
      .executeTakeFirst();
    if (!current) return false;
    // Sessions first when they move earlier than the deadlines allow, else the row first: either
    // way the trigger checks the final combination, and both steps are in this transaction.
    const newStart = berlinToInstant(input.sessions[0]!.date, input.sessions[0]!.start);
    const sessionsFirst = current.starts_at !== null && newStart > new Date(current.starts_at);
    if (sessionsFirst) await setSessions(tx, trainingId, input);
    const updated = await tx.updateTable("trainings").set(columns(input)).where("id", "=", trainingId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    if (!sessionsFirst) await setSessions(tx, trainingId, input);
    if (options.lead) await setCoOrganizers(tx, trainingId, input.coOrganizers);
    if (options.publish) await sql`select public.publish_training(${trainingId}::uuid)`.execute(tx);
    return true;
  });
}

export async function publishTraining(user: SessionUser, trainingId: string) {
  await asUser(user, (tx) => sql`select public.publish_training(${trainingId}::uuid)`.execute(tx));
}

export async function cancelTraining(user: SessionUser, trainingId: string, reason: string | undefined) {
  await asUser(user, (tx) => sql`select public.cancel_training(${trainingId}::uuid, ${reason ?? null}::text)`.execute(tx));
}

export async function markTrainingHeld(user: SessionUser, trainingId: string) {
  await asUser(user, (tx) => sql`select public.mark_training_held(${trainingId}::uuid)`.execute(tx));
}

/** Deletes a draft (RLS: the lead organizer, drafts only). False when nothing was deleted. */
export async function deleteDraft(user: SessionUser, trainingId: string): Promise<boolean> {
  return asUser(user, async (tx) => {
    const result = await tx.deleteFrom("trainings").where("id", "=", trainingId).where("status", "=", "draft").executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

export type TrainingFormData = {
  organizers: OrganizerOption[];
  topics: TopicOption[];
  gemeinden: GemeindeOption[];
  circleOrgs: Array<{ id: string; name: string }>;
};

/** The lists the organizer's form offers: their Träger and circles, topics, Gemeinden, co-organizers. */
export async function loadTrainingFormData(user: SessionUser): Promise<TrainingFormData> {
  return asUserReadOnly(user, async (tx) => {
    const organizers = await organizerOptions(tx, user.id);
    const { topics, gemeinden } = await trainingReference(tx);
    const circleOrgs = await sql<{ id: string; name: string }>`
      select distinct o.id, o.name, lower(o.name) as sort_name
      from public.network_members nm
      join public.organizations o on o.id = nm.org_id
      where nm.network_id in (select private.user_network_ids()) and nm.status = 'active'
      order by lower(o.name)
    `.execute(tx);
    return { organizers, topics, gemeinden, circleOrgs: circleOrgs.rows.map((o) => ({ id: o.id, name: o.name })) };
  });
}

/** The reply for a refused training form (replyToRefusal with the training fields). */
export function replyWithDbError<R>(submission: Parameters<typeof replyToRefusal<R>>[0], error: unknown): R {
  return replyToRefusal(submission, error, TRAINING_FIELDS);
}
