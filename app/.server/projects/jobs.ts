// The projects' periodic job (merged into the worker's list in app/.server/outbox/jobs.ts): a reminder to the owner
// of a task three days before it is due, once per task (`for update skip locked`).
import { sql } from "kysely";
import { asServiceRole } from "../db/privileged";
import type { PeriodicJob } from "../outbox/jobs";

export async function runProjectJobs(): Promise<Record<string, number>> {
  return asServiceRole("project-jobs", async (tx) => {
    const result = await sql<{ summary: Record<string, number> }>`select private.run_project_jobs() as summary`.execute(tx);
    return result.rows[0]?.summary ?? {};
  });
}

export const projectJobs: PeriodicJob[] = [{ name: "project-jobs", run: runProjectJobs }];
