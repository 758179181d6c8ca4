// Delivers every mail that is due now, once, and exits: `npx tsx scripts/process-outbox.ts`.
// For operators (a cron job instead of the in-process worker, OUTBOX_WORKER=off) and for
// debugging. Uses the configured database (DATABASE_URL, or the PGlite data dir when the app
// is not running: PGlite allows one process per data dir).
process.env.OUTBOX_WORKER = "off";
export {};

const { getDatabase } = await import("../app/.server/db/index");
const { processOutboxOnce } = await import("../app/.server/outbox/worker");

const database = await getDatabase();
try {
  const result = await processOutboxOnce();
  console.log(
    `[outbox] ${result.claimed} due: ${result.sent} sent, ${result.retried} to retry later, ${result.failed} given up`,
  );
} finally {
  await database.close();
}
