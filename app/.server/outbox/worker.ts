// Delivers the transactional outbox (private.outbox). Rows are written by SQL in the same
// transaction as the change that causes them; this worker turns them into mails, with retries
// and backoff, so a mail provider outage delays mail but never loses it.
//
// How a row moves:
//   claim  — a short transaction takes due rows (`pending`, run_after <= now()) with
//            `for update skip locked`, counts the attempt and leases the row by pushing run_after
//            LEASE_SECONDS ahead. Other workers (other app instances) skip locked rows and don't
//            see leased ones as due, so two workers never send the same row at the same time.
//   send   — outside any transaction (no connection is held during the HTTP call; on PGlite that
//            connection is the whole app's).
//   settle — success: status 'sent'. Failure: run_after = now() + backoff, or status
//            'undeliverable' once RETRY_WINDOW_HOURS have passed since the first attempt. A
//            payload that cannot be rendered is undeliverable at once.
//
// Retry schedule (no mail is ever dropped silently): after a failed attempt the worker
// waits 30 s, 1, 2, 4, 8, 16, 32 min, then every hour, until 72 hours after the first attempt;
// about 77 attempts. Then the mail is 'undeliverable': kept, shown to the admins of the
// addressee's Träger and the circle's coordinators (/kreis/unzustellbar), who can queue it again
// (a fresh 72 hours). A mail the domain no longer needs (an alert about a request that was filled
// or cancelled, a seat offer that ran out) is 'cancelled' by triggers in the database.
//
// Pushes (kind 'push', issue 12) go the same way, delivered by app/.server/push/send.ts: retried
// with the same backoff; when the push service says the device is gone (404/410) the
// subscription is deleted and the row 'cancelled'. The pushes of one batch are sent side by
// side (a Notfall reaches hundreds of phones), mails one after the other.
//
// The same worker also runs the app's periodic jobs (jobs.ts: waitlist offers running out,
// reminders, …) on a slower clock, JOBS_INTERVAL_MS.
//
// Delivery is at-least-once. Once a send succeeded it is never treated as a failure: if the
// 'sent' update itself fails (database gone, process killed), the row keeps its lease and is
// sent again only after the lease runs out. That second send carries the same Resend
// idempotency key (`outbox-<id>`), so Resend drops it within 24 hours; only the dev mailbox
// would show it twice. Settling is fenced on the attempt count, so a worker whose lease ran out
// cannot overwrite the outcome of the worker that claimed the row after it.
import { sql } from "kysely";
import { env } from "../env";
import { asServiceRole } from "../db/privileged";
import { MailRenderError, renderMail } from "../mail/render";
import { runPeriodicJobsOnce } from "./jobs";
import { sendMail } from "../mail/send";
import { PushSubscriptionGoneError, pushMessage, sendPush } from "../push/send";
import { rowLimit } from "~/.server/db/limits";

/** How long a mail is retried after its first attempt before it counts as undeliverable. */
export const RETRY_WINDOW_HOURS = 72;
export const BATCH_SIZE = 10;
/** Pushes are claimed 100 at a time and sent side by side (a Notfall reaches hundreds of phones). */
export const PUSH_BATCH_SIZE = 100;
/**
 * At most this many pushes in flight: each one settles in its own short transaction, and 100 at
 * once exhausted the connection pool in the benchmark (decision 018).
 */
export const PUSH_CONCURRENCY = 8;
/** Longer than any send may take (the Resend call times out after 20 s). */
export const LEASE_SECONDS = 300;
const BASE_BACKOFF_SECONDS = 30;
const MAX_BACKOFF_SECONDS = 3600;
const MAX_ERROR_LENGTH = 1000;

/** Seconds to wait after the given (1-based) failed attempt: 30 s, 1 min, 2 min, … at most 1 h. */
export function backoffSeconds(attempts: number): number {
  return Math.min(BASE_BACKOFF_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}

type Claimed = {
  id: string;
  kind: "mail" | "push";
  attempts: number;
  /** For a push: the device's subscription, when it still exists. */
  subscription: { endpoint: string; p256dh: string; auth: string } | null;
  /** Seconds since the first attempt (0 on the first). */
  retrying_for: number;
  payload: { template?: unknown; to?: unknown; props?: unknown; subscriptionId?: unknown; push?: unknown };
};

export type OutboxRunResult = { claimed: number; sent: number; retried: number; failed: number };

async function claim(limit: number, kind: "mail" | "push"): Promise<Claimed[]> {
  return asServiceRole("outbox-worker", async (tx) => {
    const result = await sql<Claimed>`
      with due as (
        select id from private.outbox
        where status = 'pending' and run_after <= now() and kind = ${kind}
        order by run_after, id
        limit ${rowLimit(limit)}
        for update skip locked
      )
      update private.outbox o
      set attempts = o.attempts + 1,
          first_attempt_at = coalesce(o.first_attempt_at, now()),
          run_after = now() + make_interval(secs => ${LEASE_SECONDS})
      from due
      where o.id = due.id
      returning o.id::text as id, o.kind, o.attempts, o.payload,
        case when o.kind = 'push' then (
          select jsonb_build_object('endpoint', s.endpoint, 'p256dh', s.p256dh, 'auth', s.auth)
          from public.push_subscriptions s where s.id = (o.payload ->> 'subscriptionId')::uuid) end as subscription,
        extract(epoch from now() - coalesce(o.first_attempt_at, now()))::float8 as retrying_for
    `.execute(tx);
    return result.rows;
  });
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

async function markSent(row: Claimed): Promise<void> {
  await asServiceRole("outbox-worker", (tx) =>
    sql`
      update private.outbox
      set status = 'sent', processed_at = now(), last_error = null
      where id = ${row.id}::bigint and attempts = ${row.attempts} and status = 'pending'
    `.execute(tx),
  );
}

async function markFailedAttempt(row: Claimed, error: unknown, permanent: boolean): Promise<"retried" | "failed"> {
  const giveUp = permanent || row.retrying_for >= RETRY_WINDOW_HOURS * 3600;
  const message = describe(error);
  await asServiceRole("outbox-worker", (tx) =>
    giveUp
      ? sql`
          update private.outbox
          set status = 'undeliverable', processed_at = now(), last_error = ${message}
          where id = ${row.id}::bigint and attempts = ${row.attempts} and status = 'pending'
        `.execute(tx)
      : sql`
          update private.outbox
          set run_after = now() + make_interval(secs => ${backoffSeconds(row.attempts)}), last_error = ${message}
          where id = ${row.id}::bigint and attempts = ${row.attempts} and status = 'pending'
        `.execute(tx),
  );
  return giveUp ? "failed" : "retried";
}

async function markCancelled(row: Claimed, reason: string): Promise<void> {
  await asServiceRole("outbox-worker", (tx) =>
    sql`
      update private.outbox
      set status = 'cancelled', processed_at = now(), last_error = ${reason}
      where id = ${row.id}::bigint and attempts = ${row.attempts} and status = 'pending'
    `.execute(tx),
  );
}

async function deliverPush(row: Claimed): Promise<"sent" | "retried" | "failed"> {
  const subscriptionId = typeof row.payload.subscriptionId === "string" ? row.payload.subscriptionId : null;
  const message = pushMessage(row.payload.push);
  const subscription = row.subscription;
  if (!subscription) {
    // The device was removed (revoked, "überall abmelden", gone) after the push was queued.
    await markCancelled(row, "push subscription no longer exists");
    return "failed";
  }
  if (!message) {
    await markCancelled(row, "push payload cannot be written as a message");
    return "failed";
  }
  try {
    await sendPush(subscription, message);
  } catch (error) {
    if (error instanceof PushSubscriptionGoneError) {
      await asServiceRole("outbox-worker", (tx) => sql`select private.forget_push_subscription(${subscriptionId}::uuid)`.execute(tx));
      await markCancelled(row, describe(error));
      return "failed";
    }
    const outcome = await markFailedAttempt(row, error, false);
    console.warn(`[outbox] push ${row.id} not sent (attempt ${row.attempts}), ${outcome === "failed" ? "giving up" : "retrying later"}: ${describe(error)}`);
    return outcome;
  }
  try {
    await asServiceRole("outbox-worker", (tx) =>
      sql`
        with sent as (
          update private.outbox
          set status = 'sent', processed_at = now(), last_error = null
          where id = ${row.id}::bigint and attempts = ${row.attempts} and status = 'pending'
          returning 1
        )
        update public.push_subscriptions set last_used_at = now() where id = ${subscriptionId}::uuid`.execute(tx),
    );
  } catch (error) {
    console.warn(`[outbox] push ${row.id} was sent, but could not be marked as sent: ${describe(error)}`);
  }
  return "sent";
}

async function deliver(row: Claimed): Promise<"sent" | "retried" | "failed"> {
  if (row.kind === "push") return deliverPush(row);
  const { template, to, props } = row.payload;
  let rendered;
  try {
    if (typeof template !== "string") throw new MailRenderError("Outbox payload has no template name");
    if (typeof to !== "string" || !to.includes("@")) throw new MailRenderError("Outbox payload has no recipient address");
    rendered = { ...(await renderMail(template, props ?? {})), to };
  } catch (error) {
    console.error(`[outbox] mail ${row.id} cannot be rendered and is marked undeliverable: ${describe(error)}`);
    return markFailedAttempt(row, error, true);
  }

  try {
    await sendMail({ ...rendered, idempotencyKey: `outbox-${row.id}` });
  } catch (error) {
    const outcome = await markFailedAttempt(row, error, false);
    if (outcome === "failed") {
      console.error(
        `[outbox] mail ${row.id} failed ${row.attempts} times in ${RETRY_WINDOW_HOURS} hours and is marked undeliverable: ${describe(error)}`,
      );
    } else {
      console.warn(`[outbox] mail ${row.id} not sent (attempt ${row.attempts}), retrying later: ${describe(error)}`);
    }
    return outcome;
  }

  // Sent. From here on, no failure may lead to a retry of the send (see the top of this file).
  try {
    await markSent(row);
  } catch (error) {
    console.warn(`[outbox] mail ${row.id} was sent, but could not be marked as sent: ${describe(error)}`);
  }
  return "sent";
}

/**
 * Delivers every mail that is due now, in batches; returns what happened. Safe to call from
 * several processes at once. Errors reaching the database propagate; errors of single mails don't.
 */
export async function processOutboxOnce(options: { batchSize?: number; maxBatches?: number } = {}): Promise<OutboxRunResult> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const maxBatches = options.maxBatches ?? 20;
  const result: OutboxRunResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const settle = async (row: Claimed) => {
    try {
      result[await deliver(row)] += 1;
    } catch (error) {
      // Settling failed (database unreachable): the lease brings the row back later.
      console.warn(`[outbox] ${row.kind} ${row.id}: ${describe(error)}`);
    }
  };
  // Pushes first: they are what a Notfall needs now, and they never wait behind mails.
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await claim(PUSH_BATCH_SIZE, "push");
    result.claimed += rows.length;
    const queue = [...rows];
    await Promise.all(
      Array.from({ length: Math.min(PUSH_CONCURRENCY, queue.length) }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) await settle(row);
      }),
    );
    if (rows.length < PUSH_BATCH_SIZE) break;
  }
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await claim(batchSize, "mail");
    result.claimed += rows.length;
    for (const row of rows) await settle(row);
    if (rows.length < batchSize) break;
  }
  return result;
}

type WorkerState = {
  timer?: ReturnType<typeof setInterval>;
  jobsTimer?: ReturnType<typeof setInterval>;
  running: boolean;
};
const state = ((globalThis as Record<string, unknown>).__traegerkreisOutboxWorker ??= { running: false }) as WorkerState;

function runJobs(): void {
  // runPeriodicJobsOnce never throws and skips a job whose previous run still goes on.
  void runPeriodicJobsOnce();
}

/**
 * Polls the outbox every OUTBOX_POLL_MS, and runs the periodic jobs (jobs.ts) once at the start
 * and then every JOBS_INTERVAL_MS. Kept on globalThis, so Vite's module reloads in development
 * never start a second one; a tick is skipped while the previous one still runs.
 */
export function startOutboxWorker(): void {
  if (!state.jobsTimer) {
    state.jobsTimer = setInterval(runJobs, env().JOBS_INTERVAL_MS);
    state.jobsTimer.unref();
    setTimeout(runJobs, 0).unref();
  }
  if (state.timer) return;
  state.timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    processOutboxOnce()
      .catch((error: unknown) => console.error("[outbox] worker run failed:", error))
      .finally(() => {
        state.running = false;
      });
  }, env().OUTBOX_POLL_MS);
  // The worker never keeps a process alive on its own (scripts that open the database exit).
  state.timer.unref();
}

export function stopOutboxWorker(): void {
  if (state.timer) clearInterval(state.timer);
  if (state.jobsTimer) clearInterval(state.jobsTimer);
  state.timer = undefined;
  state.jobsTimer = undefined;
}
