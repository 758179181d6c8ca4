// Losing the database connection (a restart, a failover, a pooler restart, `pg_terminate_backend`)
// must never take the process down, and must never leave the connection pool broken. Three
// pieces, all here:
//   - `isConnectionLost(error)` says whether an error means "the connection is gone" (rather than
//     "the SQL was wrong"): the request layer turns those into a 503 or retries a read-only
//     transaction; everything else keeps its meaning.
//   - `GuardedPostgresDialect`: the Kysely dialect for postgres.js. Every transaction reserves one
//     connection; when that connection closes underneath it, postgres.js 3.4.9 has already put it
//     back into its "closed" queue (to reconnect it for the next user), and releasing the stale
//     handle afterwards would move the dead connection into the "open" queue, where every later
//     query fails with `Cannot read properties of null (reading 'write')`, or worse, would send our
//     next statement into the connection after another request reconnected and reserved it. So a
//     handle whose connection was closed is never used or released again.
//   - `installConnectionLossGuard()`: postgres.js writes a Sync message from a `setImmediate` after
//     a failed write, which throws the same TypeError outside any promise; and it fetches array
//     types after each reconnect in an async call nobody awaits, whose rejection (the connection
//     was terminated again meanwhile) Node raises as an uncaught exception. Those failures (a
//     connection error with a stack inside postgres.js' connection code) are logged; any other
//     uncaught exception or unhandled rejection still ends the process, as Node would without
//     the guard.
import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import type { DatabaseConnection, Dialect, Driver, Kysely, QueryResult, TransactionSettings } from "kysely";
import type { Sql, ReservedSql } from "postgres";

/** SQLSTATEs that mean the server ended or refused the session, not that the statement was bad. */
const LOST_SQLSTATES = new Set([
  "57P01", // admin_shutdown (pg_terminate_backend, fast shutdown)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up / shutting down)
  "53300", // too_many_connections
]);
/** postgres.js' own codes and Node's socket errors. */
const LOST_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTFOUND",
]);

const NULL_WRITE_MESSAGE = "Cannot read properties of null (reading 'write')";
const POSTGRES_CONNECTION_FRAME = /[\\/]postgres[\\/](?:cjs[\\/])?src[\\/]connection\.js/;

/** The TypeError postgres.js 3.4.9 throws when it writes to a socket that has already closed. */
export function isPostgresJsClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    error.message === NULL_WRITE_MESSAGE &&
    typeof error.stack === "string" &&
    POSTGRES_CONNECTION_FRAME.test(error.stack)
  );
}

/**
 * A connection failure that postgres.js raises outside any caller's promise: the closed-socket
 * write above, and a lost connection while it fetches the array types after (re)connecting (an
 * async call nobody awaits, so its rejection is unhandled and Node raises it as uncaught).
 * Recognised by a stack inside postgres.js' connection code, so our own code's errors never are.
 */
export function isPostgresJsConnectionFailure(error: unknown): boolean {
  if (isPostgresJsClosedSocketWrite(error)) return true;
  return (
    error instanceof Error &&
    typeof error.stack === "string" &&
    POSTGRES_CONNECTION_FRAME.test(error.stack) &&
    isConnectionLost(error)
  );
}

/**
 * A socket error that nobody listened to: postgres.js removes all listeners from a connection's
 * socket when it closes, so a reset reported by that socket afterwards (`read ECONNRESET` at
 * `TCP.onStreamRead`) reaches the process with only Node's own frames on its stack. A socket
 * error of the network (reset, broken pipe, timeout) with nothing but `node:` frames is no defect
 * of ours; anything with a frame of our code or a library's is not taken for one.
 */
export function isOrphanedSocketError(error: unknown): boolean {
  if (!(error instanceof Error) || typeof error.stack !== "string") return false;
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  if (!(code === "ECONNRESET" || code === "EPIPE" || code === "ETIMEDOUT") || typeof syscall !== "string") return false;
  const frames = error.stack.split("\n").filter((line) => /^\s+at /.test(line));
  return frames.length > 0 && frames.every((line) => /\(node:|at node:/.test(line));
}

/** Raised by our own guard when a transaction's connection closed between two statements. */
export class ConnectionLostError extends Error {
  readonly code = "CONNECTION_CLOSED";
  constructor(message = "The database connection was closed") {
    super(message);
    this.name = "ConnectionLostError";
  }
}

/** The database cannot be reached right now (connection lost, or not up yet). */
export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super(`The database is unavailable: ${cause instanceof Error ? cause.message : String(cause ?? "")}`, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** Whether an error means the connection to the database is gone (or could not be made). */
export function isConnectionLost(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  if (error instanceof ConnectionLostError || error instanceof DatabaseUnavailableError) return true;
  if (isPostgresJsClosedSocketWrite(error)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (LOST_CODES.has(code) || LOST_SQLSTATES.has(code)) return true;
    // Class 08: connection exception.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  // AggregateError (Node's connect to several addresses) and wrapped causes.
  const nested = (error as { errors?: unknown }).errors;
  if (Array.isArray(nested) && nested.length > 0 && nested.every((e) => isConnectionLost(e, depth + 1))) return true;
  return isConnectionLost((error as { cause?: unknown }).cause, depth + 1);
}

/** A short description for logs (never shown to users). */
export function describeConnectionError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const nested = (error as { errors?: unknown }).errors;
  const first = Array.isArray(nested) && nested[0] instanceof Error ? `: ${nested[0].message}` : "";
  return `${typeof code === "string" ? `${code} ` : ""}${error.message}${first}`.trim();
}

// ---------------------------------------------------------------------------------------------
// The pool guard

/** postgres.js' internal connection object, as far as we look at it. */
type PgConnection = { reserved: unknown; queue: unknown };

class GuardedConnection implements DatabaseConnection {
  #reserved: ReservedSql;
  #connection?: PgConnection;
  #ownReservation: unknown;
  #lost = false;
  /** The command tag of the last statement (COMMIT answers "ROLLBACK" after a failed transaction). */
  lastCommand?: string;

  constructor(reserved: ReservedSql) {
    this.#reserved = reserved;
  }

  /**
   * postgres.js calls `onexecute` with its connection object for statements without parameters
   * (`begin`, `start transaction …`, the first statement of every transaction), synchronously,
   * before any other I/O could close the connection. Its `reserved` function is unique to this
   * reservation: when the connection closes, postgres.js sets it to null, and when someone else
   * reserves the reconnected connection, to their own function.
   */
  #capture = (connection: PgConnection) => {
    if (!this.#connection) {
      this.#connection = connection;
      this.#ownReservation = connection.reserved;
    }
    return true;
  };

  /** The connection was lost while this handle held it. */
  get lost(): boolean {
    return !this.#stillOurs();
  }

  /** True while the reserved connection is still ours and open (as far as we can tell). */
  #stillOurs(): boolean {
    if (this.#lost) return false;
    if (this.#connection && this.#connection.reserved !== this.#ownReservation) this.#lost = true;
    return !this.#lost;
  }

  /**
   * One statement at a time. postgres.js keeps statements given to a busy reserved connection in a
   * queue of the handle, and when the connection closes that queue is neither sent nor rejected:
   * a transaction that runs statements side by side (Promise.all) would wait forever.
   */
  #tail: Promise<unknown> = Promise.resolve();

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const run = this.#tail.then(
      () => this.#execute<R>(compiled),
      () => this.#execute<R>(compiled),
    );
    this.#tail = run.catch(() => {});
    return run;
  }

  async #execute<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.#stillOurs()) throw new ConnectionLostError();
    try {
      const result = await this.#reserved.unsafe(compiled.sql, [...compiled.parameters] as never[], {
        onexecute: this.#capture,
      } as never);
      const { command, count } = result;
      this.lastCommand = command;
      return {
        numAffectedRows:
          command === "INSERT" || command === "UPDATE" || command === "DELETE" || command === "MERGE"
            ? BigInt(count)
            : undefined,
        rows: Array.from(result.values()) as R[],
      };
    } catch (error) {
      if (isConnectionLost(error)) this.#lost = true;
      throw error;
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming queries are not used by this app");
  }

  release(): void {
    if (this.#stillOurs()) {
      this.#reserved.release();
      return;
    }
    const connection = this.#connection;
    // The connection died while we held it. If postgres.js has already seen the close, the
    // connection sits in its "closed" queue and reconnects for the next user: leave it alone.
    // A fatal error can arrive a moment before the socket closes: look again shortly, and hand the
    // connection back only if it turned out to be alive after all.
    if (connection && connection.reserved === this.#ownReservation) {
      setTimeout(() => {
        if (connection.reserved === this.#ownReservation) this.#reserved.release();
      }, 1000).unref();
    }
  }
}

/** How long a reservation may wait before it is asked for again, and before we give up. */
export const RESERVE_REISSUE_MS = 500;
export const RESERVE_GIVE_UP_MS = 30_000;

/**
 * `client.reserve()`, asked again when it does not resolve in time. postgres.js 3.4.9 drops a
 * waiting reservation when a connection closes and reconnects for it (the reconnect takes the
 * reservation out of its queue, then nulls it once connected, as it does for its own start-up
 * type query), so that request would wait forever. A reservation that resolves after we stopped
 * waiting for it is released at once; after RESERVE_GIVE_UP_MS the database counts as unreachable.
 */
export function reserveSurely(client: Sql): Promise<ReservedSql> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let failures = 0;
    let asked = 0;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      settled = true;
      if (timer) clearTimeout(timer);
    };
    const ask = () => {
      asked += 1;
      client.reserve().then(
        (reserved) => {
          if (settled) {
            reserved.release();
            return;
          }
          finish();
          resolve(reserved);
        },
        (error: unknown) => {
          failures += 1;
          if (settled || failures < asked) return;
          finish();
          reject(error);
        },
      );
      timer = setTimeout(() => {
        if (settled) return;
        if (Date.now() - started >= RESERVE_GIVE_UP_MS) {
          finish();
          reject(new ConnectionLostError("No database connection became free"));
          return;
        }
        ask();
      }, RESERVE_REISSUE_MS);
    };
    ask();
  });
}

class GuardedPostgresDriver implements Driver {
  #client: Sql;
  constructor(client: Sql) {
    this.#client = client;
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new GuardedConnection(await reserveSurely(this.#client));
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const parts = ["start transaction"];
    if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
    if (settings.accessMode) parts.push(settings.accessMode);
    await connection.executeQuery(CompiledQuery.raw(parts.join(" ")));
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
    // PostgreSQL answers COMMIT with a ROLLBACK tag when the transaction had already failed.
    if ((connection as GuardedConnection).lastCommand === "ROLLBACK") throw new Error("The transaction was rolled back");
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // On a lost connection there is nothing to roll back (the server already did): the guarded
    // connection refuses the statement, and the caller sees the original error.
    if ((connection as GuardedConnection).lost) return;
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as GuardedConnection).release();
  }
  async destroy(): Promise<void> {
    await this.#client.end({ timeout: 5 });
  }
}

/** Kysely on postgres.js, with reserved connections guarded as described at the top. */
export class GuardedPostgresDialect implements Dialect {
  #client: Sql;
  constructor(client: Sql) {
    this.#client = client;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new GuardedPostgresDriver(this.#client);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** Runs fn on one reserved connection with the same guard (scripts, migrations, advisory locks). */
export async function withGuardedReservation<T>(client: Sql, fn: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
  const connection = new GuardedConnection(await reserveSurely(client));
  try {
    return await fn(connection);
  } finally {
    connection.release();
  }
}

// ---------------------------------------------------------------------------------------------
// The process guard

type GuardState = { installed: boolean; swallowed: number; lastLog: number };
const guard = ((globalThis as Record<string, unknown>).__traegerkreisConnectionGuard ??= {
  installed: false,
  swallowed: 0,
  lastLog: 0,
}) as GuardState;

/** How many postgres.js connection failures the guard has absorbed in this process (for tests and logs). */
export function absorbedClosedSocketWrites(): number {
  return guard.swallowed;
}

function onUncaughtException(error: unknown): void {
  if (isPostgresJsConnectionFailure(error) || isOrphanedSocketError(error)) {
    guard.swallowed += 1;
    const now = Date.now();
    if (now - guard.lastLog > 10_000) {
      guard.lastLog = now;
      console.warn(
        `[db] A database connection was lost inside postgres.js (${describeConnectionError(error)}; ${guard.swallowed} so far); it reconnects on next use.`,
      );
    }
    return;
  }
  // Anything else is a real defect: report it and exit as Node does without a handler.
  console.error(error);
  process.exit(1);
}

/**
 * Keeps the process alive through postgres.js' closed-socket write (see the top of this file).
 * Idempotent; only the app process installs it (index.ts), never a test runner.
 */
export function installConnectionLossGuard(): void {
  if (guard.installed) return;
  guard.installed = true;
  process.on("uncaughtException", onUncaughtException);
}
