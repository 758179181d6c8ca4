// The Fortbildungen' periodic work, run by the background worker (app/.server/outbox/jobs.ts lists
// every feature's jobs): expire waitlist offers, release contingents, go/no-go, reminders.
import { sql } from "kysely";
import { asServiceRole } from "../db/privileged";
import type { PeriodicJob } from "../outbox/jobs";

/** Fortbildungen: expire waitlist offers, release contingents, go/no-go, reminders. */
export async function runTrainingJobs(): Promise<Record<string, number>> {
  return asServiceRole("training-jobs", async (tx) => {
    const result = await sql<{ summary: Record<string, number> }>`select private.run_training_jobs() as summary`.execute(tx);
    return result.rows[0]?.summary ?? {};
  });
}

export const trainingJobs: PeriodicJob[] = [{ name: "training-jobs", run: runTrainingJobs }];
