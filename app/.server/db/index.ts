// The app's one database handle. Opened on first use, migrated, and on a fresh embedded database
// seeded with the demo circle. Kept on globalThis so Vite's module reloads in development never
// open the same PGlite data directory twice.
import { env } from "../env";
import { migrate, type MigrationReport } from "./migrate";
import { openPglite, openPostgres, type Database } from "./connection";
import { printDemoSignIns } from "./demo";

type Holder = { promise?: Promise<Database> };
const holder = ((globalThis as Record<string, unknown>).__traegerkreisDb ??= {}) as Holder;

async function open(): Promise<Database> {
  const config = env();
  const database = config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL)
    : await openPglite({ dataDir: config.PGLITE_DIR });
  const seed = config.SEED_DEMO === "never" || config.NODE_ENV === "production" ? "never" : "if-fresh";
  const report: MigrationReport = await migrate(database, {
    seed: config.SEED_DEMO === "always" ? "if-fresh" : config.DATABASE_URL ? "never" : seed,
  });
  if (report.applied.length > 0 && config.NODE_ENV !== "test") {
    console.log(`[db] ${database.kind}: applied ${report.applied.length} migration(s)`);
  }
  if (config.NODE_ENV !== "test" && config.NODE_ENV !== "production") {
    await printDemoSignIns(database, report.seeded);
  }
  // Mail delivery runs in the app process; tests call processOutboxOnce() themselves. Imported
  // lazily: the worker reaches the database through this module.
  if (config.OUTBOX_WORKER === "on" && config.NODE_ENV !== "test") {
    const { startOutboxWorker } = await import("../outbox/worker");
    startOutboxWorker();
  }
  return database;
}

export function getDatabase(): Promise<Database> {
  holder.promise ??= open().catch((error) => {
    holder.promise = undefined;
    throw error;
  });
  return holder.promise;
}

/** Tests swap in their own database (a fresh PGlite per file, or the server). */
export function useDatabaseForTests(database: Database) {
  holder.promise = Promise.resolve(database);
}
