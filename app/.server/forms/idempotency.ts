// Idempotent create forms: a double click or a resent form writes once, and the repeat gets the
// first post's result (the same redirect) instead of a second cover request, training or booking.
//
// How a form opts in:
//   1. the form renders <FormKeyField /> (IntentForm does so for every intent form); the key is
//      made by the root loader, fresh with every page render and after every action;
//   2. the action wraps its write: `await oncePerForm(formData, "cover.request.create", () =>
//      createCoverRequest(user, input))`.
// Inside `oncePerForm`, the FIRST asUser transaction (app/.server/db/request.ts) claims (key, form)
// in the database (public.claim_form_submission) before running, and stores what it returned.
// A repeat waits for the first transaction (a primary key), then gets that stored value back
// from asUser without running its function again. So the wrapped write must happen in one asUser
// transaction and return JSON (an id or a plain object); work after that transaction (reading
// state for a toast) runs again for the repeat, and should only read.
// Without a key in the form (an old page, a test, a script), the write just runs.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { asServiceRole } from "../db/privileged";
import type { Tx } from "../db/request";
import { FORM_KEY_FIELD } from "~/utils/form-key";
import type { PeriodicJob } from "../outbox/jobs";

type Scope = { key: string; form: string; claimed: boolean };

const scopes = new AsyncLocalStorage<Scope>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORM_NAME = /^[a-z0-9._-]{1,60}$/;

/** A fresh key for the forms of one page render. */
export function newFormKey(): string {
  return randomUUID();
}

/** The key a form sent, if it is one of ours (anything else counts as no key). */
export function formKeyOf(formData: FormData): string | null {
  const value = formData.get(FORM_KEY_FIELD);
  return typeof value === "string" && UUID.test(value) ? value.toLowerCase() : null;
}

/**
 * Runs `write` so that its first asUser transaction happens at most once per (form key, `form`).
 * `form` names the action ("cover.request.create", "training.register").
 */
export async function oncePerForm<T>(formData: FormData, form: string, write: () => Promise<T>): Promise<T> {
  if (!FORM_NAME.test(form)) throw new Error(`Invalid form name for oncePerForm: ${form}`);
  const key = formKeyOf(formData);
  if (!key) return write();
  return scopes.run({ key, form, claimed: false }, write);
}

/**
 * Called by asUser inside its transaction, after the claims are set: claims the pending key of
 * the surrounding `oncePerForm` (once), and replays a stored result instead of running `run`.
 */
export async function underFormKey<T>(tx: Tx, run: () => Promise<T>): Promise<T> {
  const scope = scopes.getStore();
  if (!scope || scope.claimed) return run();
  scope.claimed = true;
  const claim = await sql<{ replay: { result: unknown } | null }>`
    select public.claim_form_submission(${scope.key}::uuid, ${scope.form}) as replay`.execute(tx);
  const replay = claim.rows[0]?.replay;
  if (replay) return replay.result as T;
  const result = await run();
  await sql`select public.complete_form_submission(${scope.key}::uuid, ${scope.form}, ${JSON.stringify(result ?? null)}::text::jsonb)`.execute(
    tx,
  );
  return result;
}

/** Periodic job: forget keys older than a day (a repeat comes within seconds). */
export async function forgetOldFormKeys(): Promise<number> {
  return asServiceRole("form-keys", async (tx) => {
    const result = await sql<{ forgotten: number }>`select public.forget_old_form_submissions() as forgotten`.execute(tx);
    return result.rows[0]?.forgotten ?? 0;
  });
}

// Forget idempotency keys of posts older than a day.
export const formJobs: PeriodicJob[] = [{ name: "form-keys", run: forgetOldFormKeys }];

