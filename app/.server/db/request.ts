// The only way loaders and actions touch tenant data: one transaction per call, with the
// signed-in user's claims set and the role switched to `authenticated` (or `anon`), exactly as
// Supabase's API runs a request. Row-level security decides what the SQL can see and change.
//
// When the database connection is lost, a call marked `{ readOnly: true }` (loaders' reads) is
// retried once; otherwise the request answers with the German 503 page (transaction.ts).
import type { Transaction } from "kysely";
import { underFormKey } from "../forms/idempotency";
import type { DB } from "./schema";
import { forRequest, runWithClaims, type TransactionOptions } from "./transaction";

export type Claims = { sub: string; email: string; role: "authenticated" };
export type Tx = Transaction<DB>;
export type { TransactionOptions } from "./transaction";

export async function asUser<T>(
  user: { id: string; email: string },
  fn: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const claims: Claims = { sub: user.id, email: user.email, role: "authenticated" };
  // Inside oncePerForm (a create form's action): claim its key first, or replay its result.
  return forRequest(() => runWithClaims(claims, "authenticated", (tx) => underFormKey(tx, () => fn(tx)), options));
}

/** For pages anyone may open (the circle's public page, "Interesse melden"). */
export async function asAnon<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  return forRequest(() => runWithClaims({ role: "anon" }, "anon", fn, options));
}

/** asUser for reads (loaders): read-only, retried once after a lost connection. */
export async function asUserReadOnly<T>(user: { id: string; email: string }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return asUser(user, fn, { readOnly: true });
}

/** asAnon for reads (public pages): read-only, retried once after a lost connection. */
export async function asAnonReadOnly<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return asAnon(fn, { readOnly: true });
}
