// The only way loaders and actions touch tenant data: one transaction per call, with the
// signed-in user's claims set and the role switched to `authenticated` (or `anon`), exactly as
// Supabase's API runs a request. Row-level security decides what the SQL can see and change.
import { sql, type Transaction } from "kysely";
import { underFormKey } from "../forms/idempotency";
import { getDatabase } from "./index";
import type { DB } from "./schema";

export type Claims = { sub: string; email: string; role: "authenticated" };
export type Tx = Transaction<DB>;

export async function asUser<T>(user: { id: string; email: string }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const claims: Claims = { sub: user.id, email: user.email, role: "authenticated" };
  const { db } = await getDatabase();
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', 'authenticated', true)`.execute(
      tx,
    );
    // Inside oncePerForm (a create form's action): claim its key first, or replay its result.
    return underFormKey(tx, () => fn(tx));
  });
}

/** For pages anyone may open (the circle's public page, "Interesse melden"). */
export async function asAnon<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const { db } = await getDatabase();
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('request.jwt.claims', ${JSON.stringify({ role: "anon" })}, true), set_config('role', 'anon', true)`.execute(
      tx,
    );
    return fn(tx);
  });
}
