// The periodic jobs the background worker runs next to the outbox (every JOBS_INTERVAL_MS, and
// once when it starts): deadline work that no request triggers, like a waitlist offer running
// out at 3 a.m. Each domain adds ONE entry to `periodicJobs` below; a job is a function that
// does its work in the database (idempotent, rows taken with `for update skip locked`, so
// several app instances may run it at once) and returns a summary for the log.
//
// Rules the runner keeps: a job never runs twice at the same time in this process (a slow run
// makes the next tick skip it); a failing job is logged and does not stop the others or the
// worker; mails the jobs enqueue go out with the next outbox poll.
import { sql } from "kysely";
import { runMeetingJobs } from "../meetings/jobs";
import { runProjectJobs } from "../projects/jobs";
import { env } from "../env";
import { asServiceRole } from "../db/privileged";
import { runCoverTimers } from "../cover/timers";
import { forgetOldFormKeys } from "../forms/idempotency";

export type PeriodicJob = {
  /** Short and stable, for logs. */
  name: string;
  run: () => Promise<unknown>;
};

/** Fortbildungen: expire waitlist offers, release contingents, go/no-go, reminders. */
export async function runTrainingJobs(): Promise<Record<string, number>> {
  return asServiceRole("training-jobs", async (tx) => {
    const result = await sql<{ summary: Record<string, number> }>`select private.run_training_jobs() as summary`.execute(tx);
    return result.rows[0]?.summary ?? {};
  });
}

/** Outbox retention: strips address and content of mails sent or cancelled more than 30 days ago. */
export async function runOutboxRetention(): Promise<{ stripped: number }> {
  return asServiceRole("outbox-worker", async (tx) => {
    const result = await sql<{ stripped: number }>`select private.strip_old_outbox_mails() as stripped`.execute(tx);
    return { stripped: result.rows[0]?.stripped ?? 0 };
  });
}

/**
 * Every periodic job of the app. To add one: write its runner in your domain's folder (through
 * asServiceRole with a purpose named in privileged.ts) and list it here.
 */
export const periodicJobs: PeriodicJob[] = [
  { name: "training-jobs", run: runTrainingJobs },
  // Vertretungsbörse: announce addressed requests to the whole circle once widen_at has passed,
  // expire requests whose period ended. Widening is late by at most one JOBS_INTERVAL_MS (30 s);
  // visibility itself follows widen_at in RLS, only the "widened" notifications wait for this.
  { name: "cover-timers", run: runCoverTimers },
  { name: "outbox-retention", run: runOutboxRetention },
  // Forms: forget idempotency keys of posts older than a day.
  { name: "form-keys", run: forgetOldFormKeys },
  // Kooperationstreffen: reminders the day before a meeting, before a poll's deadline and before
  // an action item is due.
  { name: "meeting-jobs", run: runMeetingJobs },
  // Gemeinsame Projekte: reminders three days before a task is due.
  { name: "project-jobs", run: runProjectJobs },
];

export type JobOutcome = { status: "ok"; result: unknown } | { status: "failed"; error: string } | { status: "skipped" };

// Which jobs are running right now; on globalThis so a Vite module reload doesn't forget.
const running = ((globalThis as Record<string, unknown>).__traegerkreisRunningJobs ??= new Set<string>()) as Set<string>;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Something worth a log line: a summary with a non-zero count. */
function didSomething(result: unknown): boolean {
  if (typeof result === "number") return result !== 0;
  if (result && typeof result === "object") return Object.values(result).some((v) => typeof v === "number" && v !== 0);
  return false;
}

async function runOne(job: PeriodicJob): Promise<JobOutcome> {
  if (running.has(job.name)) return { status: "skipped" };
  running.add(job.name);
  try {
    const result = await job.run();
    if (didSomething(result) && env().NODE_ENV !== "test") console.log(`[jobs] ${job.name}: ${JSON.stringify(result)}`);
    return { status: "ok", result };
  } catch (error) {
    console.error(`[jobs] ${job.name} failed: ${describe(error)}`);
    return { status: "failed", error: describe(error) };
  } finally {
    running.delete(job.name);
  }
}

/**
 * Runs every job once (side by side; each one skipped if its previous run is still going) and
 * says what happened per job. Never throws.
 */
export async function runPeriodicJobsOnce(jobs: PeriodicJob[] = periodicJobs): Promise<Record<string, JobOutcome>> {
  const outcomes = await Promise.all(jobs.map(async (job) => [job.name, await runOne(job)] as const));
  return Object.fromEntries(outcomes);
}
