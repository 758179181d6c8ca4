// The app's one database handle. Opened on first use (or by the server before it listens),
// migrated, and on a fresh embedded database seeded with the demo circle. Kept on globalThis so
// Vite's module reloads in development never open the same PGlite data directory twice.
//
// A database that cannot be reached at start (not up yet, wrong host, restarting) is retried
// with a capped backoff (RETRY_DELAYS_MS, then every 30 s) for as long as it takes: the process
// stays up and says so in its log, requests meanwhile get the 503 page at once
// (`getDatabaseForRequest`), and the first attempt that connects migrates and carries on.
// Any other failure (a migration that does not apply) is thrown as before.
import fs from "node:fs";
import path from "node:path";
import { numberText } from "~/utils/format";
import { env } from "../env";
import { migrate, type MigrationProgress, type MigrationReport } from "./migrate";
import { openPglite, openPostgres, preparesStatements, type Database } from "./connection";
import {
  DatabaseUnavailableError,
  describeConnectionError,
  installConnectionLossGuard,
  isConnectionLost,
} from "./connection-loss";
import { printDemoSignIns } from "./demo";
import { restoreSnapshot, snapshotPath, writeSnapshot } from "./snapshot";

export type { MigrationProgress } from "./migrate";

/** Development: the outbox worker starts this long after the database is ready. */
const OUTBOX_START_DELAY_MS = 10_000;

/** Waits between attempts to reach the database at start; the last one repeats. */
export const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];

type Holder = {
  promise?: Promise<Database>;
  database?: Database;
  /** Set while the start-up waits for an unreachable database; requests answer 503 meanwhile. */
  unavailable?: unknown;
  waiters?: Set<(error: unknown) => void>;
};
const holder = ((globalThis as Record<string, unknown>).__traegerkreisDb ??= {}) as Holder;

export type OpenOptions = {
  /** Called with each start-up step (German `message`); default: printed, except in tests. */
  onProgress?: (progress: MigrationProgress) => void;
};

function defaultProgress(progress: MigrationProgress) {
  if (env().NODE_ENV !== "test") console.log(`[db] ${progress.message}`);
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function openAndMigrate(onProgress: (p: MigrationProgress) => void): Promise<{ database: Database; report: MigrationReport }> {
  const config = env();
  const seed = config.SEED_DEMO === "never" || config.NODE_ENV === "production" ? "never" : "if-fresh";
  const seedOption = config.SEED_DEMO === "always" ? "if-fresh" : config.DATABASE_URL ? "never" : seed;
  if (!config.DATABASE_URL) {
    const fresh = !fs.existsSync(path.join(path.resolve(config.PGLITE_DIR), "PG_VERSION"));
    // Development: a fresh database from today's snapshot of the same migrations and seed (snapshot.ts).
    const snapshot = fresh && config.NODE_ENV === "development" && seedOption === "if-fresh" ? snapshotPath() : undefined;
    const restored = snapshot ? restoreSnapshot(snapshot, config.PGLITE_DIR) : false;
    if (restored) onProgress({ step: "creating", message: "Datenbank wird aus dem Zwischenspeicher angelegt …" });
    else if (fresh) onProgress({ step: "creating", message: "Datenbank wird angelegt …" });
    const database = await openPglite({ dataDir: config.PGLITE_DIR });
    const report = await migrate(database, { seed: seedOption, onProgress, fresh: fresh && !restored });
    if (restored) report.seeded = true;
    if (snapshot && !restored && report.seeded) {
      // After the server listens: the copy takes the (only) connection for a moment.
      setTimeout(() => void writeSnapshot(database, config.PGLITE_DIR, snapshot).catch(() => {}), 3000).unref();
    }
    return { database, report };
  }
  for (let attempt = 1; ; attempt++) {
    const database = openPostgres(config.DATABASE_URL, {
      prepare: preparesStatements(config.DATABASE_URL, config.DATABASE_PREPARE),
      genericPlans: config.DATABASE_PLANS === "generic",
    });
    try {
      return { database, report: await migrate(database, { seed: seedOption, onProgress }) };
    } catch (error) {
      await database.close().catch(() => {});
      if (!isConnectionLost(error)) throw error;
      const delay = RETRY_DELAYS_MS[Math.min(attempt - 1, RETRY_DELAYS_MS.length - 1)]!;
      console.error(
        `[db] Die Datenbank ist nicht erreichbar (${describeConnectionError(error)}). ` +
          `Neuer Versuch in ${numberText(delay / 1000)} s (Versuch ${attempt}). ` +
          "Bis dahin beantwortet die App Anfragen mit „kurz nicht erreichbar“.",
      );
      holder.unavailable = error;
      for (const waiter of holder.waiters ?? []) waiter(error);
      holder.waiters?.clear();
      await sleep(delay);
    }
  }
}

async function open(options: OpenOptions): Promise<Database> {
  const config = env();
  const onProgress = options.onProgress ?? defaultProgress;
  // The process guard belongs to the app process only (see connection-loss.ts).
  if (config.DATABASE_URL && config.NODE_ENV !== "test") installConnectionLossGuard();
  const { database, report } = await openAndMigrate(onProgress);
  holder.unavailable = undefined;
  if (config.NODE_ENV !== "test" && config.NODE_ENV !== "production") {
    await printDemoSignIns(database, report.seeded);
  }
  // Mail delivery runs in the app process; tests call processOutboxOnce() themselves. Imported
  // lazily: the worker reaches the database through this module. In development it starts a few
  // seconds after the database is ready: importing it (mail templates, push) through Vite and
  // its first run (the periodic jobs) would otherwise come before the server listens and compete
  // with the first page's compile. A mail written meanwhile waits in the outbox.
  if (config.OUTBOX_WORKER === "on" && config.NODE_ENV !== "test") {
    const start = () => import("../outbox/worker").then(({ startOutboxWorker }) => startOutboxWorker());
    if (config.NODE_ENV === "development") {
      setTimeout(() => void start().catch((error: unknown) => console.error("[outbox] worker did not start:", error)), OUTBOX_START_DELAY_MS).unref();
    } else {
      await start();
    }
  }
  holder.database = database;
  return database;
}

/**
 * The database, opened and migrated on the first call. The server may call it before it listens,
 * with `onProgress` to show the start-up steps ("Datenbank wird angelegt …", "Migrationen werden
 * angewendet …", "Demo-Kreis wird angelegt …", "Datenbank bereit."); later callers just wait.
 */
export function getDatabase(options: OpenOptions = {}): Promise<Database> {
  holder.promise ??= open(options).catch((error) => {
    holder.promise = undefined;
    holder.unavailable = undefined;
    throw error;
  });
  return holder.promise;
}

/**
 * For request handlers: the database, or a DatabaseUnavailableError as soon as it is known that
 * the database cannot be reached (instead of waiting with the request for the start-up retries).
 */
export function getDatabaseForRequest(): Promise<Database> {
  if (holder.database) return Promise.resolve(holder.database);
  const opening = getDatabase();
  if (holder.unavailable) return Promise.reject(new DatabaseUnavailableError(holder.unavailable));
  return new Promise((resolve, reject) => {
    const waiter = (error: unknown) => reject(new DatabaseUnavailableError(error));
    (holder.waiters ??= new Set()).add(waiter);
    opening.then(resolve, reject).finally(() => holder.waiters?.delete(waiter));
  });
}

/** Tests swap in their own database (a fresh PGlite per file, or the server). */
export function useDatabaseForTests(database: Database) {
  holder.promise = Promise.resolve(database);
  holder.database = database;
  holder.unavailable = undefined;
}
