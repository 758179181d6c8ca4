// Losing database connections below the app: the error classification, the
// process guard (only postgres.js' own connection failures are absorbed), the start-up progress,
// per-database Supabase detection (item 10), and on the server the guarded pool under
// pg_terminate_backend. The whole app under fire is tests/server/connection-loss.test.ts.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import postgres from "postgres";
import { describe, expect, test } from "vitest";
import { openPglite, openPostgres } from "~/.server/db/connection";
import {
  ConnectionLostError,
  isAbsorbedConnectionFailure,
  isConnectionLost,
  isPostgresJsClosedSocketWrite,
  isPostgresJsConnectionFailure,
} from "~/.server/db/connection-loss";
import { isSupabase, migrate, type MigrationProgress } from "~/.server/db/migrate";
import { adminUrl, testDbKind } from "../helpers/db-config";

const root = path.resolve(import.meta.dirname, "..", "..");

describe("connection errors", () => {
  test("lost connections are told apart from bad SQL", () => {
    expect(isConnectionLost(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error("x"), { code: "08006" }))).toBe(true);
    expect(isConnectionLost(new Error("wrapped", { cause: new ConnectionLostError() }))).toBe(true);
    expect(isConnectionLost(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isConnectionLost(Object.assign(new Error("TK_NOT_FOUND"), { code: "P0001" }))).toBe(false);
    expect(isConnectionLost(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);
  });

  test("the postgres.js closed-socket write is recognised by its stack, not by its message alone", () => {
    const ours = new TypeError("Cannot read properties of null (reading 'write')");
    expect(isPostgresJsClosedSocketWrite(ours)).toBe(false);
    ours.stack = `TypeError: ${ours.message}\n    at nextWrite (file:///srv/node_modules/postgres/src/connection.js:255:22)`;
    expect(isPostgresJsClosedSocketWrite(ours)).toBe(true);
    expect(isPostgresJsConnectionFailure(ours)).toBe(true);
    const closed = Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" });
    expect(isPostgresJsConnectionFailure(closed)).toBe(false);
    closed.stack = `Error: write CONNECTION_CLOSED\n    at Socket.closed (/srv/node_modules/postgres/cjs/src/connection.js:453:57)`;
    expect(isPostgresJsConnectionFailure(closed)).toBe(true);
  });

  const child = (mode: string) =>
    spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "tests/fixtures/connection-guard-child.ts"), mode], {
      cwd: root,
      encoding: "utf8",
      timeout: 20_000,
    });

  test("the process guard keeps the process alive through postgres.js' connection failures", () => {
    for (const mode of ["null-write", "closed-rejection", "orphaned-reset"]) {
      const result = child(mode);
      expect(result.stdout, `${mode}: ${result.stderr}`).toContain("still alive");
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(/A database connection was lost inside postgres\.js/);
    }
  });

  test("any other uncaught error or unhandled rejection still ends the process", () => {
    for (const mode of ["app-null-write", "app-rejection", "app-reset"]) {
      const result = child(mode);
      expect(result.stdout, mode).not.toContain("still alive");
      expect(result.status, mode).toBe(1);
    }
  });
});

describe("opening the database", () => {
  test("migrate reports its steps in German: created, migrated, demo circle, ready", async () => {
    const database = await openPglite();
    try {
      const steps: MigrationProgress[] = [];
      await migrate(database, { seed: "if-fresh", onProgress: (p) => steps.push(p) });
      expect(steps.map((s) => s.step)).toEqual(["creating", "migrating", "seeding", "done"]);
      expect(steps.map((s) => s.message)).toEqual([
        "Datenbank wird angelegt …",
        expect.stringMatching(/^Migrationen werden angewendet … \(\d+\)$/),
        "Demo-Kreis wird angelegt …",
        "Datenbank bereit.",
      ]);
      const again: MigrationProgress[] = [];
      await migrate(database, { seed: "if-fresh", onProgress: (p) => again.push(p) });
      expect(again.map((s) => s.step)).toEqual(["done"]);
    } finally {
      await database.close();
    }
  }, 60_000);

  test("a supabase_admin role elsewhere on the server does not make a plain database count as Supabase", async () => {
    const database = await openPglite();
    try {
      // Roles are cluster-wide: on a server that also hosts a Supabase database, this role exists.
      await database.withScriptRunner((r) => r.exec("create role supabase_admin"));
      expect(await database.withScriptRunner(isSupabase)).toBe(false);
      const report = await migrate(database, { seed: "never" });
      expect(report.applied.length).toBeGreaterThan(0);
      const [row] = await database.withScriptRunner((r) =>
        r.query<{ auth: boolean }>("select to_regprocedure('auth.uid()') is not null as auth"),
      );
      expect(row?.auth).toBe(true);
    } finally {
      await database.close();
    }
  }, 60_000);

  test("a database with Supabase Auth's own tables counts as Supabase", async () => {
    const database = await openPglite();
    try {
      await database.withScriptRunner((r) =>
        r.exec(`
          create schema auth;
          create table auth.schema_migrations (version text primary key);
          create table auth.identities (id uuid primary key);
        `),
      );
      expect(await database.withScriptRunner(isSupabase)).toBe(true);
    } finally {
      await database.close();
    }
  }, 30_000);
});

// Skipped on PGlite on purpose: there is no server whose backends can be terminated. These tests
// run in the "vitest on PostgreSQL" step of npm test (TEST_DB=postgres), which CI never skips.
describe.skipIf(testDbKind() !== "postgres")("the guarded pool on the server", () => {
  type Listener = (...args: unknown[]) => void;
  /**
   * Runs fn while postgres.js' own connection failures outside any promise (the array-type fetch
   * after a reconnect, the write after a close, a reset reported by an orphaned socket) are
   * absorbed, exactly as the app's process guard absorbs them (installConnectionLossGuard);
   * anything else still reaches vitest's own listeners.
   */
  async function withPostgresJsFailuresAbsorbed<T>(fn: () => Promise<T>): Promise<T> {
    const events = ["unhandledRejection", "uncaughtException"];
    const on = process.on.bind(process) as (event: string, listener: Listener) => void;
    const off = process.removeListener.bind(process) as (event: string, listener: Listener) => void;
    const saved = events.map((event) => process.listeners(event as "exit") as Listener[]);
    const ours = saved.map((listeners): Listener => (error, ...rest) => {
      if (isAbsorbedConnectionFailure(error)) return;
      for (const listener of listeners) listener(error, ...rest);
    });
    events.forEach((event, i) => {
      for (const listener of saved[i]!) off(event, listener);
      on(event, ours[i]!);
    });
    try {
      return await fn();
    } finally {
      events.forEach((event, i) => {
        off(event, ours[i]!);
        for (const listener of saved[i]!) on(event, listener);
      });
    }
  }

  test("a transaction begun on a connection that was terminated while idle starts over and succeeds", async () => {
    const name = `tk_pool_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const database = openPostgres(adminUrl(name), { max: 1 });
    const pid = () =>
      database.db.transaction().execute(async (tx) => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx)).rows[0]!.pid);
    try {
      let last = await pid();
      for (let round = 0; round < 5; round++) {
        const [killed] = await admin`select pg_terminate_backend(${last}) as killed`;
        expect(killed?.killed).toBe(true);
        // No pause: the close may not have reached the client yet when BEGIN is sent.
        const next = await pid();
        expect(next).not.toBe(last);
        last = next;
      }
    } finally {
      await database.close().catch(() => {});
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);

  test("transactions under pg_terminate_backend never hang and never run in another's connection", () =>
    withPostgresJsFailuresAbsorbed(async () => {
    const name = `tk_pool_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const database = openPostgres(adminUrl(name), { max: 6 });
    const outcomes: Record<string, number> = {};
    const slow: number[] = [];
    let running = true;
    let mixedUp = 0;
    // Where each client is, so that a hang says which step never settled.
    const stage: string[] = [];
    try {
      const client = async (id: number) => {
        while (running) {
          const started = Date.now();
          try {
            stage[id] = "acquiring a connection and starting the transaction";
            await database.db.transaction().execute(async (tx) => {
              // Marks the transaction as ours; a statement of another transaction in this
              // connection would see another marker.
              stage[id] = "set_config";
              await sql`select set_config('tk.client', ${String(id)}, true)`.execute(tx);
              stage[id] = "pg_sleep";
              await sql`select pg_sleep(0.005)`.execute(tx);
              stage[id] = "two statements side by side";
              const seen = await Promise.all([
                sql<{ v: string }>`select current_setting('tk.client', true) as v`.execute(tx),
                sql<{ v: string }>`select current_setting('tk.client', true) as v`.execute(tx),
              ]);
              for (const result of seen) if (result.rows[0]?.v !== String(id)) mixedUp += 1;
              stage[id] = "commit and release";
            });
            outcomes.ok = (outcomes.ok ?? 0) + 1;
          } catch (error) {
            if (!isConnectionLost(error)) throw error;
            outcomes.lost = (outcomes.lost ?? 0) + 1;
          }
          if (Date.now() - started > 8000) slow.push(Date.now() - started);
        }
        stage[id] = "finished";
      };
      const clients = Array.from({ length: 8 }, (_, i) => client(i));
      for (let round = 0; round < 10; round++) {
        await new Promise((r) => setTimeout(r, 400));
        await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
      }
      running = false;
      const finished = await Promise.race([
        Promise.all(clients).then(() => "finished"),
        new Promise((resolve) => setTimeout(() => resolve("hung"), 20_000)),
      ]);
      expect(finished, `where the clients were: ${JSON.stringify(stage)} ${JSON.stringify((globalThis as any).__pool?.debug())} absorbing ${(globalThis as any).__absorbing}`).toBe("finished");
      expect(slow).toEqual([]);
      expect(mixedUp).toBe(0);
      expect(outcomes.ok).toBeGreaterThan(50);
      // And the pool works afterwards.
      const result = await database.db.transaction().execute((tx) => sql<{ one: number }>`select 1 as one`.execute(tx));
      expect(result.rows[0]?.one).toBe(1);
    } finally {
      running = false;
      await database.close().catch(() => {});
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }), 60_000);
});
