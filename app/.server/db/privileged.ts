// Every use of the privileged role (service_role, which bypasses row-level security) is named
// here, and nowhere else in the app: migrations (in migrate.ts, as the connecting owner), the
// outbox worker, and the built-in auth service, which plays the part Supabase Auth plays on
// Supabase (it must find a user by email before anyone is signed in). Request handlers never
// call this module directly; they go through asUser/asAnon.
import { sql } from "kysely";
import { getDatabase } from "./index";
import type { Tx } from "./request";

// "cover-timers": the Vertretungsbörse's escalation and expiry timers (app/.server/cover/timers.ts)
// run for every circle at once, with no user signed in; they only call private.widen_due_requests()
// and private.expire_cover_requests(), which only service_role may execute.
// "training-jobs": the Fortbildungen's periodic job (app/.server/outbox/jobs.ts) runs for every
// circle at once, with no user signed in; it only calls private.run_training_jobs() (expire
// waitlist offers, release contingents, go/no-go, reminders), which only service_role may execute.
export type PrivilegedPurpose =
  | "outbox-worker"
  | "auth-service"
  | "demo-listing"
  | "benchmark"
  | "cover-timers"
  | "training-jobs"
  // "meeting-jobs": the Kooperationstreffen's reminders (app/.server/meetings/jobs.ts): only calls
  // private.run_meeting_jobs(), which only service_role may execute.
  | "meeting-jobs";

export async function asServiceRole<T>(purpose: PrivilegedPurpose, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { db } = await getDatabase();
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('request.jwt.claims', ${JSON.stringify({ role: "service_role", purpose })}, true), set_config('role', 'service_role', true)`.execute(
      tx,
    );
    return fn(tx);
  });
}
