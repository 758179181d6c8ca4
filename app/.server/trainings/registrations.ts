// Seats: register oneself, a colleague or anonymous client seats; cancel or leave the waitlist;
// accept or decline an offer; approvals; the organizer's waitlist moves and attendance. Each is
// one call of the SQL function that holds the training's lock and decides (docs/decisions/006);
// nothing about seats is decided here.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";

export async function registerForTraining(
  user: SessionUser,
  trainingId: string,
  options: { participantId: string | null; seats?: number; orgId?: string | null },
): Promise<string> {
  return asUser(user, async (tx) => {
    const result = await sql<{ id: string }>`
      select public.register_for_training(${trainingId}::uuid, ${options.participantId}::uuid,
        ${options.seats ?? 1}::int, ${options.orgId ?? null}::uuid) as id
    `.execute(tx);
    return result.rows[0]!.id;
  });
}

/** The registration's state after a seat call, to tell the person what happened. */
export async function registrationState(user: SessionUser, registrationId: string) {
  return asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("training_registrations")
      .select(["status", "waitlist_position", "offer_expires_at", "seats", "participant_name"])
      .where("id", "=", registrationId)
      .executeTakeFirst(),
  );
}

type RegistrationCall = "cancel_training_registration" | "accept_training_offer" | "decline_training_offer";

export async function callRegistrationFunction(user: SessionUser, fn: RegistrationCall, registrationId: string) {
  await asUser(user, (tx) => sql`select ${sql.raw(`public.${fn}`)}(${registrationId}::uuid)`.execute(tx));
}

export async function decideApproval(user: SessionUser, registrationId: string, approval: "org" | "organizer", approve: boolean) {
  await asUser(user, (tx) =>
    sql`select public.decide_training_approval(${registrationId}::uuid, ${approval}::text, ${approve}::boolean)`.execute(tx),
  );
}

export async function moveRegistration(user: SessionUser, registrationId: string, position: number, reason: string) {
  await asUser(user, (tx) =>
    sql`select public.move_training_registration(${registrationId}::uuid, ${position}::int, ${reason}::text)`.execute(tx),
  );
}

/** Attendance of one session for several registrations, all or nothing. */
export async function recordAttendance(
  user: SessionUser,
  sessionId: string,
  entries: Array<{ registrationId: string; present: number }>,
) {
  await asUser(user, async (tx) => {
    for (const entry of entries) {
      await sql`select public.set_training_attendance(${entry.registrationId}::uuid, ${sessionId}::uuid, ${entry.present}::int)`.execute(
        tx,
      );
    }
  });
}
