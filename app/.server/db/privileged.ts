// Every use of the privileged role (service_role, which bypasses row-level security) is named
// here, and nowhere else in the app: migrations (in migrate.ts, as the connecting owner), the
// outbox worker, and the built-in auth service, which plays the part Supabase Auth plays on
// Supabase (it must find a user by email before anyone is signed in). Request handlers never
// call this module directly; they go through asUser/asAnon.
import type { Tx } from "./request";
import { forRequest, runWithClaims, type TransactionOptions } from "./transaction";

// "cover-timers": the Vertretungsbörse's escalation and expiry timers (app/.server/cover/timers.ts)
// run for every circle at once, with no user signed in; they only call private.widen_due_requests()
// and private.expire_cover_requests(), which only service_role may execute.
// "training-jobs": the Fortbildungen's periodic job (app/.server/outbox/jobs.ts) runs for every
// circle at once, with no user signed in; it only calls private.run_training_jobs() (expire
// waitlist offers, release contingents, go/no-go, reminders), which only service_role may execute.
// "form-keys": forgets form idempotency keys older than a day (app/.server/forms/idempotency.ts),
//   a periodic job; the keys belong to many users and are not readable by any of them.
export type PrivilegedPurpose =
  | "outbox-worker"
  | "auth-service"
  | "demo-listing"
  | "benchmark"
  | "cover-timers"
  | "training-jobs"
  | "form-keys"

  // "meeting-jobs": the Kooperationstreffen's reminders (app/.server/meetings/jobs.ts): only calls
  // private.run_meeting_jobs(), which only service_role may execute.
  | "meeting-jobs"
  // "project-jobs": the Gemeinsame Projekte's task reminders (app/.server/projects/jobs.ts): only
  // calls private.run_project_jobs().
  | "project-jobs";

// Purposes that run inside a request (signing in, the session lookup of every page): a lost
// database is the 503 page there, like in asUser. The background purposes get the
// DatabaseUnavailableError itself; the worker and the jobs log it and try again on their next tick.
const requestPurposes = new Set<PrivilegedPurpose>(["auth-service", "demo-listing"]);

export async function asServiceRole<T>(
  purpose: PrivilegedPurpose,
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const run = () => runWithClaims({ role: "service_role", purpose }, "service_role", fn, options);
  return requestPurposes.has(purpose) ? forRequest(run) : run();
}
