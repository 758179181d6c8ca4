// Opens the configured database: PGlite (embedded, file-backed in .data/) when DATABASE_URL is
// unset, postgres.js otherwise. Both are wrapped in the same Kysely instance type, so every query
// in the app runs unchanged on either.
import fs from "node:fs";
import path from "node:path";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import { CompiledQuery } from "kysely";
import postgres from "postgres";
import { ClientPool, GuardedPostgresDialect, withGuardedConnection } from "./connection-loss";
import type { PGlite } from "@electric-sql/pglite";
import type { DB } from "./schema";

/** Runs multi-statement SQL scripts (migrations, seed) on one pinned connection. */
export type ScriptRunner = {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
};

export type Database = {
  kind: "pglite" | "postgres";
  db: Kysely<DB>;
  /** Pins one connection for the duration of fn (advisory locks, scripts). */
  withScriptRunner<T>(fn: (runner: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Only for PGlite: the underlying instance (tests dump and clone it). */
  pglite?: PGlite;
};

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (options.dataDir) fs.mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  const pg = await PGlite.create({
    dataDir: options.dataDir ? path.resolve(options.dataDir) : undefined,
    loadDataDir: options.loadDataDir,
  });
  return fromPglite(pg);
}

export function fromPglite(pg: PGlite): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pg) });
  return {
    kind: "pglite",
    db,
    pglite: pg,
    async withScriptRunner(fn) {
      // PGlite is one connection; the Kysely driver queues its users, so take it through Kysely.
      return db.connection().execute(async () =>
        fn({
          async exec(script) {
            await pg.exec(script);
          },
          async query(text, params) {
            const result = await pg.query(text, params as unknown[]);
            return result.rows as never[];
          },
        }),
      );
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Seconds to wait before reconnecting after `retries` failures (see openPostgres). */
export function reconnectDelaySeconds(retries: number): number {
  return Math.min(0.05 * retries, 1) * (0.5 + Math.random() / 2);
}

/**
 * Whether statements with parameters are sent as named prepared statements (postgres.js keeps them
 * per connection): PostgreSQL then plans a statement's first runs for their parameters and, from
 * the sixth on, may reuse one plan, instead of planning the statement and every RLS policy it
 * touches on every request (planning was most of what RLS cost; decision 019). Off with
 * DATABASE_PREPARE=off, and with "auto" for a transaction-mode pooler (Supabase's port 6543,
 * PgBouncer/Supavisor in transaction mode), which hands the next transaction another server
 * connection that does not know the statement.
 */
export function preparesStatements(url: string, setting: "auto" | "on" | "off" = "auto"): boolean {
  if (setting !== "auto") return setting === "on";
  try {
    return new URL(url).port !== "6543";
  } catch {
    return true;
  }
}

export function openPostgres(
  url: string,
  options: {
    max?: number;
    prepare?: boolean;
    /** postgres.js closes a connection 30–60 min after it opened (default); null: never (the
     *  bench's seeds keep temporary tables on one connection for longer than that at 100×). */
    maxLifetimeSeconds?: number | null;
    /** Prepared statements keep one plan from their first run (`plan_cache_mode =
     *  force_generic_plan` for the connection; default: whenever statements are prepared).
     *  false: PostgreSQL's own choice, which kept planning the pages' statements afresh. */
    genericPlans?: boolean;
  } = {},
): Database {
  const prepare = options.prepare ?? preparesStatements(url);
  const genericPlans = prepare && (options.genericPlans ?? true);
  // `max` single-connection clients lent one transaction at a time (connection-loss.ts says why
  // not one client of `max` connections). No connection is opened before its client is first used.
  const pool = new ClientPool(options.max ?? 10, (onclose) =>
    postgres(url, {
      max: 1,
      prepare,
      onclose,
      onnotice: () => {},
      // postgres.js waits before reconnecting by a retry count that it raises on every closed
      // connection: its default wait reaches 3^n/100 s, capped at 20 s, and requests queue for
      // that long after a restart. Here: 50 ms per counted failure, at most 1 s (with jitter);
      // the count resets on success.
      backoff: reconnectDelaySeconds,
      // Fail a connection attempt to a host that does not answer after 10 s (default 30 s).
      connect_timeout: 10,
      ...(options.maxLifetimeSeconds !== undefined ? { max_lifetime: options.maxLifetimeSeconds } : {}),
      // A startup parameter of the connection: no statement per transaction. Applies to the
      // app's prepared statements and to the plans PL/pgSQL functions keep (decision 019, ninth sitting).
      ...(genericPlans ? { connection: { plan_cache_mode: "force_generic_plan" } } : {}),
      // Timestamps come back as Date, bigint as string: the same as PGlite's defaults for our types.
      types: {},
    }),
  );
  // Transactions and scripts go through the same guarded leases (connection-loss.ts).
  const db = new Kysely<DB>({ dialect: new GuardedPostgresDialect(pool) });
  return {
    kind: "postgres",
    db,
    async withScriptRunner(fn) {
      return withGuardedConnection(pool, (connection) =>
        fn({
          async exec(script) {
            // Without parameters postgres.js sends the simple protocol: several statements at once.
            await connection.executeQuery(CompiledQuery.raw(script));
          },
          async query(text, params) {
            return (await connection.executeQuery(CompiledQuery.raw(text, params ?? []))).rows as never[];
          },
        }),
      );
    },
    async close() {
      // Kysely ends the pool only when it has used it itself (its driver initialises lazily);
      // connections taken by withScriptRunner would otherwise stay open and keep the process
      // (and other sessions on the database, e.g. `create database … template`) waiting.
      await db.destroy();
      await pool.end(5);
    },
  };
}
