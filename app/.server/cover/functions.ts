// Typed calls of the Vertretungsbörse's SQL functions (supabase/migrations/20261126100100_…).
// Each takes the transaction of asUser(user, tx => …): the function checks the caller's role
// itself and raises a TK_* code (userMessageFor turns it into German) when the step is not
// allowed or the input is bad; nothing is written then.
//
// Parameters are cast in SQL: postgres.js sends JS numbers as float8, for which Postgres would
// not find a function taking numeric.
import { sql } from "kysely";
import type { Tx } from "../db/request";

/** Draft → open; alerts the circle (or the addressed Träger). Needs the Sozialdaten confirmation. */
export async function publishCoverRequest(tx: Tx, requestId: string): Promise<void> {
  await sql`select public.publish_cover_request(${requestId}::uuid)`.execute(tx);
}

export type CoverOfferInput = {
  requestId: string;
  /** The Träger that offers (the user must coordinate it). */
  orgId: string;
  hoursPerWeek: number | string;
  /** "YYYY-MM-DD" */
  availableFrom: string;
  qualification?: string;
  languages?: string[];
  message?: string;
  /** The offered person from the Träger's staff list (the qualification gate, issue 12). */
  staffId?: string | null;
};

/** Returns the new offer's id. */
export async function makeCoverOffer(tx: Tx, input: CoverOfferInput): Promise<string> {
  const result = await sql<{ id: string }>`
    select public.make_cover_offer(${input.requestId}::uuid, ${input.orgId}::uuid, ${String(input.hoursPerWeek)}::numeric,
      ${input.availableFrom}::date, ${input.qualification ?? ""}, ${input.languages ?? []}::text[],
      ${input.message ?? ""}, ${input.staffId ?? null}::uuid) as id`.execute(tx);
  return result.rows[0]!.id;
}

export async function withdrawCoverOffer(tx: Tx, offerId: string): Promise<void> {
  await sql`select public.withdraw_cover_offer(${offerId}::uuid)`.execute(tx);
}

/**
 * Accepts an offer (all its hours, or `hours` of them). Returns the request's status afterwards:
 * "open" while hours remain, "filled" when covered (the other open offers are then declined).
 */
export async function acceptCoverOffer(
  tx: Tx,
  requestId: string,
  offerId: string,
  hours: number | string | null = null,
): Promise<"open" | "filled"> {
  const result = await sql<{ status: "open" | "filled" }>`
    select public.accept_cover_offer(${requestId}::uuid, ${offerId}::uuid,
      ${hours === null ? null : String(hours)}::numeric) as status`.execute(tx);
  return result.rows[0]!.status;
}

export async function declineCoverOffer(tx: Tx, requestId: string, offerId: string, message: string | null): Promise<void> {
  await sql`select public.decline_cover_offer(${requestId}::uuid, ${offerId}::uuid, ${message})`.execute(tx);
}

export async function cancelCoverRequest(tx: Tx, requestId: string, reason: string): Promise<void> {
  await sql`select public.cancel_cover_request(${requestId}::uuid, ${reason})`.execute(tx);
}

/** Records the hours actually given for an accepted offer (either side's coordinators). */
export async function completeCover(tx: Tx, offerId: string, actualHours: number | string): Promise<void> {
  await sql`select public.complete_cover(${offerId}::uuid, ${String(actualHours)}::numeric)`.execute(tx);
}

/** Names `userId` (a member of `orgId`) as that Träger's contact person for the request. */
export async function setCoverContact(tx: Tx, requestId: string, orgId: string, userId: string): Promise<void> {
  await sql`select public.set_cover_contact(${requestId}::uuid, ${orgId}::uuid, ${userId}::uuid)`.execute(tx);
}

export type CoverContactPerson = {
  org_id: string;
  org_name: string;
  side: "requester" | "offerer";
  user_id: string;
  full_name: string;
  email: string;
  phone: string | null;
};

/** The contact persons of a request the user may see: their own Träger's, and the other side's once accepted. */
export async function coverContacts(tx: Tx, requestId: string): Promise<CoverContactPerson[]> {
  const result = await sql<CoverContactPerson>`
    select org_id, org_name, side, user_id, full_name, email, phone
    from public.cover_request_contacts(${requestId}::uuid)`.execute(tx);
  return result.rows;
}
