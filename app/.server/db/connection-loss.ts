// Losing the database connection (a restart, a failover, a pooler restart, `pg_terminate_backend`)
// must never take the process down, and must never leave the connection pool broken. Three
// pieces, all here:
//   - `isConnectionLost(error)` says whether an error means "the connection is gone" (rather than
//     "the SQL was wrong"): the request layer turns those into a 503 or retries a read-only
//     transaction; everything else keeps its meaning.
//   - `GuardedPostgresDialect` with `ClientPool`: the Kysely dialect for postgres.js. Every
//     transaction leases one single-connection client; when its connection closes underneath it,
//     the lease is lost: no later statement of that transaction is sent (it would run on the
//     reconnected connection, outside the transaction), and one still waiting fails at once. The
//     client is replaced by a fresh one for the next lease. (Why not postgres.js' own `reserve()`: see "The pool
//     guard" below.)
//   - `installConnectionLossGuard()`: postgres.js writes a Sync message from a `setImmediate` after
//     a failed write, which throws the same TypeError outside any promise; and it fetches array
//     types after each reconnect in an async call nobody awaits, whose rejection (the connection
//     was terminated again meanwhile) Node raises as an uncaught exception. Those failures (a
//     connection error with a stack inside postgres.js' connection code) are logged; any other
//     uncaught exception or unhandled rejection still ends the process, as Node would without
//     the guard.
import { AsyncLocalStorage } from "node:async_hooks";
import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import type { DatabaseConnection, Dialect, Driver, Kysely, QueryResult, TransactionSettings } from "kysely";
import type { Sql } from "postgres";

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
//
// postgres.js 3.4 reserves connections for transactions with `sql.reserve()`, and that path loses
// connections when backends are terminated: a waiting reservation is both queued and handed to a
// reconnecting connection; when that reconnect fails, the reservation is rejected but stays queued,
// and the next connection that opens is given to the rejected promise and is never seen again.
// After a few such kills the pool had no connection left and requests waited until they gave up
// (seen as a rare "hung" in the pg_terminate_backend test). So transactions do not use
// `reserve()` at all: the pool below lends whole postgres.js clients of ONE connection each
// (`max: 1`, where postgres.js allows BEGIN outside `sql.begin`) to one transaction at a time.
// Each client tells the pool when its connection closed (postgres.js' `onclose`); a lease whose
// transaction had started is then lost for good: its next statement is refused, and a statement
// still waiting is failed at once, so no statement of that transaction can ever run on the
// reconnected connection, and nothing waits forever. The client is then replaced by a fresh one
// (postgres.js carries the closed connection's last statement and error over to its reconnect).

/** How long a transaction may wait for a free connection before the database counts as unreachable. */
export const LEASE_GIVE_UP_MS = 30_000;

/** A postgres.js client of one connection, as the pool holds it (`sql` is replaced when renewed). */
type PooledClient = { sql: Sql; lease?: GuardedConnection };

/** What a lease needs of its pool. */
type LeaseOwner = {
  giveBack(client: PooledClient): void;
  /** Replaces the client's postgres.js client by a fresh one (see ClientPool.renew). */
  renew(client: PooledClient): void;
};

/**
 * What a transaction sends together with its BEGIN (runWithClaims: the claims and the role). The
 * driver's beginTransaction finds it here (set around `db.transaction().execute`) and defers both
 * to the transaction's first statement; `connection` is then the lease, for more such statements
 * (deferInTransaction). Unset, or with another dialect (PGlite), the caller sends them itself.
 */
export type TransactionSetup = {
  queries: CompiledQuery[];
  /** Set by the guarded driver once it has taken `queries`. */
  connection?: GuardedConnection;
  /** The transaction they belong to (a nested transaction must not defer into this one). */
  transaction?: unknown;
};
export const transactionSetup = new AsyncLocalStorage<TransactionSetup>();

/**
 * The transaction's view of one leased client. Statements run one at a time: postgres.js answers
 * a statement given to a busy connection only after the one before, and a transaction that runs
 * statements side by side (Promise.all) must not send the second after the first one failed.
 *
 * One exception, chosen because every round trip costs (decision 019, tenth sitting): statements
 * whose results nobody reads — BEGIN, and the claims and role a transaction starts with — are
 * deferred and sent with the next statement, in the same write (postgres.js pipelines them; the
 * server answers each in turn). The batch fails with the first error of any of its statements: a
 * failed BEGIN or claims statement fails the transaction, as it did when each was awaited.
 */
export class GuardedConnection implements DatabaseConnection {
  #client: PooledClient;
  #owner: LeaseOwner;
  #started = false;
  #lost = false;
  #released = false;
  /** Statements sent in this lease, and whether its connection closed meanwhile. */
  #statements = 0;
  #closed = false;
  /** Fail the statements in flight (one, or a deferred batch). */
  #inFlight = new Set<(error: Error) => void>();
  /** Deferred statements: sent in front of the next one (see the class comment). */
  #deferred: CompiledQuery[] = [];
  #tail: Promise<unknown> = Promise.resolve();
  /** The command tag of the last statement (COMMIT answers "ROLLBACK" after a failed transaction). */
  lastCommand?: string;

  constructor(client: PooledClient, owner: LeaseOwner) {
    this.#client = client;
    this.#owner = owner;
    client.lease = this;
  }

  /** The connection was lost while this lease held it. */
  get lost(): boolean {
    return this.#lost;
  }

  /** Called by the pool when the client's connection closed. */
  connectionClosed(): void {
    // A close before our first statement belongs to the previous use of the client: its next
    // statement simply reconnects. After that, the session our statements ran in is gone.
    if (!this.#started) return;
    this.#closed = true;
    this.#lost = true;
    for (const fail of [...this.#inFlight]) fail(new ConnectionLostError());
  }

  /**
   * After the lease's FIRST batch (`sent` statements, BEGIN first) failed because the connection
   * was gone (it was terminated while the client sat idle, and the close had not reached us yet):
   * nothing of this lease ran, so it may start over, on a fresh client. False when that is not the
   * situation.
   */
  #startOver(sent: number): boolean {
    if (this.#statements !== sent || this.#released || !this.#lost) return false;
    this.#owner.renew(this.#client);
    this.#lost = false;
    this.#started = false;
    this.#closed = false;
    this.#statements = 0;
    return true;
  }

  /** Sends these statements in front of the next one, in the same write (see the class comment). */
  defer(...queries: CompiledQuery[]): void {
    this.#deferred.push(...queries);
  }

  /** Forgets deferred statements never sent (a transaction rolled back before its first statement). */
  dropDeferred(): boolean {
    const had = this.#deferred.length > 0;
    this.#deferred = [];
    return had;
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const run = this.#tail.then(
      () => this.#send<R>(compiled),
      () => this.#send<R>(compiled),
    );
    this.#tail = run.catch(() => {});
    return run;
  }

  #send<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#deferred.length === 0) return this.#execute<R>(compiled);
    const batch = [...this.#deferred, compiled];
    this.#deferred = [];
    const sendBatch = async () => {
      // Issued in one go: postgres.js writes them together and the server answers in order.
      const results = await Promise.all(batch.map((query) => this.#execute<R>(query)));
      return results[results.length - 1]!;
    };
    return sendBatch().catch((error: unknown) => {
      // The connection was terminated while idle and the batch was the lease's first: nothing
      // of it ran (it began the transaction), so it is sent once more, on a fresh client.
      if (isConnectionLost(error) && this.#startOver(batch.length)) return sendBatch();
      throw error;
    });
  }

  #execute<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#lost || this.#released) return Promise.reject(new ConnectionLostError());
    this.#started = true;
    this.#statements += 1;
    return new Promise<QueryResult<R>>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error) => settle(() => reject(error));
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.#inFlight.delete(fail);
        fn();
      };
      this.#inFlight.add(fail);
      // `prepare: true` asks for a named prepared statement; the client's own `prepare` option
      // (openPostgres) can still turn it off. Statements without parameters (BEGIN, scripts) go
      // as simple queries either way.
      this.#client.sql.unsafe(compiled.sql, [...compiled.parameters] as never[], { prepare: true }).then(
        (result) =>
          settle(() => {
            const { command, count } = result;
            this.lastCommand = command;
            resolve({
              numAffectedRows:
                command === "INSERT" || command === "UPDATE" || command === "DELETE" || command === "MERGE"
                  ? BigInt(count)
                  : undefined,
              rows: Array.from(result.values()) as R[],
            });
          }),
        (error: unknown) =>
          settle(() => {
            if (isConnectionLost(error)) this.#lost = true;
            reject(error);
          }),
      );
    });
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming queries are not used by this app");
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#deferred = [];
    this.#client.lease = undefined;
    // Its connection closed under this lease: postgres.js 3.4 keeps the statement that was in
    // flight and the server's FATAL message past the close, and rejects the first statement on
    // the reconnected connection with that old error. A fresh client carries nothing over.
    if (this.#closed) this.#owner.renew(this.#client);
    this.#owner.giveBack(this.#client);
  }
}

/**
 * A fixed number of single-connection postgres.js clients, lent out one transaction at a time
 * (the most recently returned first, so a quiet app keeps few connections busy). Waiters are
 * served in order; one that waits LEASE_GIVE_UP_MS gets ConnectionLostError.
 */
export class ClientPool {
  #clients: PooledClient[] = [];
  #idle: PooledClient[] = [];
  #waiting: Array<{ grant: (client: PooledClient) => void }> = [];
  #ended = false;

  /** `open(onclose)` creates one client of `max: 1` that calls onclose when its connection closes. */
  constructor(size: number, open: (onclose: () => void) => Sql) {
    this.#open = open;
    for (let i = 0; i < size; i++) {
      const client: PooledClient = { sql: undefined as unknown as Sql };
      this.#connect(client);
      this.#clients.push(client);
      this.#idle.push(client);
    }
  }

  #open: (onclose: () => void) => Sql;
  #owner: LeaseOwner = {
    giveBack: (client) => this.#giveBack(client),
    renew: (client) => this.#renew(client),
  };

  /** Gives the pooled client a new postgres.js client; only that one's closes reach the lease. */
  #connect(client: PooledClient): void {
    const sql: Sql = this.#open(() => {
      if (client.sql === sql) client.lease?.connectionClosed();
    });
    client.sql = sql;
  }

  /** Replaces a client whose connection state cannot be trusted; the old one ends in the background. */
  #renew(client: PooledClient): void {
    const old = client.sql;
    this.#connect(client);
    const ending = old.end({ timeout: 1 }).catch(() => {});
    this.#ending.add(ending);
    void ending.then(() => this.#ending.delete(ending));
  }
  #ending = new Set<Promise<void>>();

  acquire(): Promise<GuardedConnection> {
    if (this.#ended) return Promise.reject(new ConnectionLostError("The connection pool was closed"));
    const lend = (client: PooledClient) => new GuardedConnection(client, this.#owner);
    const idle = this.#idle.pop();
    if (idle) return Promise.resolve(lend(idle));
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: (client: PooledClient) => {
          clearTimeout(timer);
          resolve(lend(client));
        },
      };
      const timer = setTimeout(() => {
        this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
        reject(new ConnectionLostError("No database connection became free"));
      }, LEASE_GIVE_UP_MS);
      this.#waiting.push(waiter);
    });
  }

  #giveBack(client: PooledClient): void {
    const next = this.#waiting.shift();
    if (next && !this.#ended) next.grant(client);
    else this.#idle.push(client);
  }

  async end(timeoutSeconds = 5): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    for (const waiter of this.#waiting.splice(0)) waiter.grant = () => {};
    await Promise.all([...this.#clients.map((client) => client.sql.end({ timeout: timeoutSeconds })), ...this.#ending]);
  }
}

class GuardedPostgresDriver implements Driver {
  #pool: ClientPool;
  constructor(pool: ClientPool) {
    this.#pool = pool;
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#pool.acquire();
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const parts = ["start transaction"];
    if (settings.isolationLevel) parts.push(`isolation level ${settings.isolationLevel}`);
    if (settings.accessMode) parts.push(settings.accessMode);
    const begin = CompiledQuery.raw(parts.join(" "));
    // BEGIN (and the transaction's claims, when runWithClaims set them up) go with the first
    // statement. A connection terminated while idle is met there and started over (#send).
    const guarded = connection as GuardedConnection;
    const setup = transactionSetup.getStore();
    if (setup && !setup.connection) {
      guarded.defer(begin, ...setup.queries);
      setup.connection = guarded;
    } else {
      guarded.defer(begin);
    }
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A transaction that sent no statement: its BEGIN never left, nothing to commit.
    if ((connection as GuardedConnection).dropDeferred()) return;
    await connection.executeQuery(CompiledQuery.raw("commit"));
    // PostgreSQL answers COMMIT with a ROLLBACK tag when the transaction had already failed.
    if ((connection as GuardedConnection).lastCommand === "ROLLBACK") throw new Error("The transaction was rolled back");
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // On a lost connection there is nothing to roll back (the server already did): the guarded
    // connection refuses the statement, and the caller sees the original error. Nor when the
    // transaction never sent a statement (its BEGIN was still deferred).
    const guarded = connection as GuardedConnection;
    if (guarded.lost || guarded.dropDeferred()) return;
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as GuardedConnection).release();
  }
  async destroy(): Promise<void> {
    await this.#pool.end();
  }
}

/** Kysely on postgres.js, with connections lent and guarded as described at the top of this section. */
export class GuardedPostgresDialect implements Dialect {
  #pool: ClientPool;
  constructor(pool: ClientPool) {
    this.#pool = pool;
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new GuardedPostgresDriver(this.#pool);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** Runs fn on one leased connection with the same guard (scripts, migrations, advisory locks). */
export async function withGuardedConnection<T>(pool: ClientPool, fn: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
  const connection = await pool.acquire();
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

/** What the process guard absorbs: postgres.js' own connection failures and orphaned socket errors. */
export function isAbsorbedConnectionFailure(error: unknown): boolean {
  return isPostgresJsConnectionFailure(error) || isOrphanedSocketError(error);
}

function onUncaughtException(error: unknown): void {
  if (isAbsorbedConnectionFailure(error)) {
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
