// The periodic jobs the background worker runs next to the outbox (every JOBS_INTERVAL_MS, and
// once when it starts): deadline work that no request triggers, like a waitlist offer running
// out at 3 a.m. Each feature exports its jobs (e.g. `trainingJobs` in trainings/jobs.ts) and
// `periodicJobs` below merges them; a job is a function that
// does its work in the database (idempotent, rows taken with `for update skip locked`, so
// several app instances may run it at once) and returns a summary for the log.
//
// Rules the runner keeps: a job never runs twice at the same time in this process (a slow run
// makes the next tick skip it); a failing job is logged and does not stop the others or the
// worker; mails the jobs enqueue go out with the next outbox poll.
import { sql } from "kysely";
import { meetingJobs } from "../meetings/jobs";
import { env } from "../env";
import { asServiceRole } from "../db/privileged";
import { coverJobs } from "../cover/timers";
import { formJobs } from "../forms/idempotency";
import { projectJobs } from "../projects/jobs";
import { runTrainingJobs, trainingJobs } from "../trainings/jobs";

export type PeriodicJob = {
  /** Short and stable, for logs. */
  name: string;
  run: () => Promise<unknown>;
};

export { runTrainingJobs };

/** Outbox retention: strips address and content of mails sent or cancelled more than 30 days ago. */
export async function runOutboxRetention(): Promise<{ stripped: number }> {
  return asServiceRole("outbox-worker", async (tx) => {
    const result = await sql<{ stripped: number }>`select private.strip_old_outbox_mails() as stripped`.execute(tx);
    return { stripped: result.rows[0]?.stripped ?? 0 };
  });
}

/** The outbox's own upkeep. */
const outboxJobs: PeriodicJob[] = [{ name: "outbox-retention", run: runOutboxRetention }];

/**
 * Every periodic job of the app: each feature exports its list next to its runners (through
 * asServiceRole with a purpose named in privileged.ts); this is the one place they are merged.
 */
export const periodicJobs: PeriodicJob[] = [...trainingJobs, ...coverJobs, ...outboxJobs, ...formJobs, ...meetingJobs, ...projectJobs];

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
