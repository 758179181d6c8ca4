// The Vertretungsbörse's timers, for the background worker (every minute is plenty):
//   - partners (step 2 of 3): a favourites-first request whose partners_at has passed is sent to
//     the Träger that covered with the requester before (private.escalate_to_partners);
//   - widening: an addressed-first request whose widen_at has passed is announced to the whole
//     circle (private.widen_due_requests; visibility itself already follows widen_at in RLS);
//   - reminders: a staff member's Führungszeugnis runs out within eight weeks (once per date,
//     private.remind_fuehrungszeugnis; issue 12);
//   - expiry: an open request whose period has ended expires, its open offers are declined and
//     the offering Träger told (private.expire_cover_requests).
// Both are idempotent and take their rows with `for update skip locked`, so several app
// instances may run them at the same time.
import { sql } from "kysely";
import { asServiceRole } from "../db/privileged";
import type { PeriodicJob } from "../outbox/jobs";

export type CoverTimerResult = { partners: number; widened: number; expired: number; fuehrungszeugnisReminders: number };

export async function runCoverTimers(): Promise<CoverTimerResult> {
  return asServiceRole("cover-timers", async (tx) => {
    const partners = await sql<{ n: number }>`select private.escalate_to_partners() as n`.execute(tx);
    const widened = await sql<{ n: number }>`select private.widen_due_requests() as n`.execute(tx);
    const expired = await sql<{ n: number }>`select private.expire_cover_requests() as n`.execute(tx);
    const reminded = await sql<{ n: number }>`select private.remind_fuehrungszeugnis() as n`.execute(tx);
    return { partners: Number(partners.rows[0]?.n ?? 0), widened: Number(widened.rows[0]?.n ?? 0), expired: Number(expired.rows[0]?.n ?? 0),
      fuehrungszeugnisReminders: Number(reminded.rows[0]?.n ?? 0) };
  });
}

// Announce addressed requests to the whole circle once widen_at has passed, expire requests whose
// period ended. Widening is late by at most one JOBS_INTERVAL_MS (30 s); visibility itself follows
// widen_at in RLS, only the "widened" notifications wait for this.
export const coverJobs: PeriodicJob[] = [{ name: "cover-timers", run: runCoverTimers }];

