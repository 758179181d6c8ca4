// The Kooperationstreffen's periodic job (registered in app/.server/outbox/jobs.ts): the reminder
// the day before a meeting (to everyone who said zusage or vielleicht, guests included), the
// reminder to vote a day before a poll's deadline, and the reminder three days before an action
// item is due. Each runs once per row (`for update skip locked`, several instances are fine).
import { sql } from "kysely";
import { asServiceRole } from "../db/privileged";
import type { PeriodicJob } from "../outbox/jobs";

export async function runMeetingJobs(): Promise<Record<string, number>> {
  return asServiceRole("meeting-jobs", async (tx) => {
    const result = await sql<{
      summary: Record<string, number>;
    }>`select private.run_meeting_jobs() as summary`.execute(tx);
    return result.rows[0]?.summary ?? {};
  });
}

// Reminders the day before a meeting, before a poll's deadline and before an action item is due.
export const meetingJobs: PeriodicJob[] = [{ name: "meeting-jobs", run: runMeetingJobs }];

