// One transaction with claims and role set, shared by asUser/asAnon (request.ts) and
// asServiceRole (privileged.ts), and what happens when the database connection is lost in it:
//   - a read-only transaction (`readOnly: true`, run as `start transaction read only`, so it cannot
//     have changed anything) is retried once on a fresh connection;
//   - otherwise, or when the retry fails too, it fails with DatabaseUnavailableError, which the
//     request layer turns into the German 503 page (`unavailableResponse`). A write that hit a
//     lost connection is never repeated: it may or may not have committed.
import { sql, type CompiledQuery, type Kysely } from "kysely";
import { DatabaseUnavailableError, isConnectionLost, transactionSetup, type TransactionSetup } from "./connection-loss";
import { currentRequestScope } from "../http/request-scope";
import { getDatabaseForRequest } from "./index";
import type { Tx } from "./request";
import type { DB } from "./schema";

/** Pause before a read-only transaction is tried again after a lost connection. */
export const RETRY_PAUSE_MS = 100;

export type TransactionOptions = {
  /** The transaction only reads (loaders): it runs read-only and is retried once after a lost connection. */
  readOnly?: boolean;
};

export async function runWithClaims<T>(
  claims: Record<string, unknown>,
  role: "authenticated" | "anon" | "service_role",
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const attempts = options.readOnly ? 2 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      const { db } = await getDatabaseForRequest();
      const scope = currentRequestScope();
      if (scope) scope.transactions++;
      const builder = options.readOnly ? db.transaction().setAccessMode("read only") : db.transaction();
      // The claims and role go out with BEGIN and the first statement, in one write, on the
      // PostgreSQL server (connection-loss.ts, GuardedConnection); PGlite runs them here.
      const setup: TransactionSetup = { queries: [claimsQuery(db, claims, role)] };
      return await transactionSetup.run(setup, () =>
        builder.execute(async (tx) => {
          setup.transaction = tx;
          if (!setup.connection) await tx.executeQuery(setup.queries[0]!);
          return fn(tx);
        }),
      );
    } catch (error) {
      if (!isConnectionLost(error)) throw error;
      // Not reachable at all (start-up still retrying): no point in a second try now.
      if (attempt >= attempts || error instanceof DatabaseUnavailableError) {
        throw error instanceof DatabaseUnavailableError ? error : new DatabaseUnavailableError(error);
      }
      // The other idle connections were usually dropped at the same moment; give postgres.js a
      // moment to see their sockets close, so the retry gets a live (or freshly opened) one.
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  }
}

/**
 * Switches a transaction begun by runWithClaims to a signed-in user's claims and role (for the
 * session lookup, which finds the user as service_role and then reads the header as that user).
 */
export async function actAsUserInTransaction(tx: Tx, user: { id: string; email: string }): Promise<void> {
  const query = claimsQuery(tx, { sub: user.id, email: user.email, role: "authenticated" }, "authenticated");
  // Nobody reads its result: on the server it rides with the transaction's next statement.
  const setup = transactionSetup.getStore();
  if (setup?.connection && setup.transaction === tx) setup.connection.defer(query);
  else await tx.executeQuery(query);
}

/** Sets the request's claims and role for the rest of the transaction (`set_config(…, true)`).
 *  Compiled by the caller's Kysely, so its plugins see it like any statement (the bench records). */
function claimsQuery(db: Kysely<DB>, claims: Record<string, unknown>, role: string): CompiledQuery {
  return sql`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', ${role}, true)`.compile(db);
}

/** The 503 a loader or action throws when the database is unreachable; the error boundary shows it. */
export function unavailableResponse(): Response {
  return new Response("Trägerkreis ist kurz nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.", {
    status: 503,
    statusText: "Service Unavailable",
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" },
  });
}

/** Runs a request's database work; a lost database becomes the 503 page. */
export async function forRequest<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw unavailableResponse();
    throw error;
  }
}
