// Undeliverable mails: mails the outbox worker tried for 72 hours without success. The
// database decides who sees which (public.undeliverable_mails: admins of the addressee's Träger,
// coordinators of its circle) and who may queue one again (public.requeue_mail).
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";

export type UndeliverableMail = {
  id: string;
  template: string | null;
  recipient: string | null;
  firstAttemptAt: Date | null;
  givenUpAt: Date | null;
  attempts: number;
};

export async function listUndeliverableMails(user: SessionUser): Promise<UndeliverableMail[]> {
  const result = await asUserReadOnly(user, (tx) =>
    sql<{
      id: string;
      template: string | null;
      recipient: string | null;
      first_attempt_at: Date | null;
      given_up_at: Date | null;
      attempts: number;
    }>`select id::text as id, template, recipient, first_attempt_at, given_up_at, attempts from public.undeliverable_mails()`.execute(tx),
  );
  return result.rows.map((r) => ({
    id: r.id,
    template: r.template,
    recipient: r.recipient,
    firstAttemptAt: r.first_attempt_at,
    givenUpAt: r.given_up_at,
    attempts: r.attempts,
  }));
}

/** Queues the mail again; throws TK_NOT_FOUND when the user may not see it (or it is no longer undeliverable). */
export async function requeueMail(user: SessionUser, id: string): Promise<void> {
  await asUser(user, (tx) => sql`select public.requeue_mail(${id}::bigint)`.execute(tx));
}
