// What the circle's coordinators do: read and decide join requests, edit the circle's public page.
// The decisions are security-definer functions in SQL (admit creates the Träger, adds it to the
// circle and invites its contact, all in one transaction); here we only call them as the user.
import { sql } from "kysely";
import { invariantResponse } from "~/utils/invariant";
import { requireUser, type SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import { rowLimit } from "~/.server/db/limits";

export type CoordinatedCircle = {
  id: string;
  slug: string;
  name: string;
  region: string;
  description: string;
  publicPage: boolean;
  contactEmail: string | null;
  contactPhone: string | null;
  /** Maximum age of the erweitertes Führungszeugnis in years (§ 72a SGB VIII, issue 12). */
  fuehrungszeugnisMaxYears: number;
};

export type JoinRequestRow = {
  id: string;
  networkId: string;
  orgName: string;
  contactName: string;
  email: string;
  phone: string | null;
  message: string;
  status: "open" | "admitted" | "declined";
  decisionMessage: string | null;
  decidedAt: string | null;
  createdAt: string;
  /** The Träger created on admission (or the existing one that asked), while it exists and is visible. */
  orgSlug: string | null;
  /** The request came from a signed-in owner/admin for their existing Träger ("bestehender Träger"). */
  existingTraeger: boolean;
};

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Circles the user coordinates (empty for everyone else: their pages answer 404). */
export async function coordinatedCircles(user: SessionUser): Promise<CoordinatedCircle[]> {
  return asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("networks")
      .select([
        "id",
        "slug",
        "name",
        "region",
        "description",
        "public_page as publicPage",
        "contact_email as contactEmail",
        "contact_phone as contactPhone",
        "fuehrungszeugnis_max_years as fuehrungszeugnisMaxYears",
      ])
      .where(sql<boolean>`id in (select private.coordinated_network_ids())`)
      .orderBy("name")
      .execute(),
  );
}

/** The signed-in coordinator and their circles, for the pages under /kreis; 404 for everyone else. */
export async function requireCoordinator(request: Request): Promise<{ user: SessionUser; circles: CoordinatedCircle[] }> {
  const user = await requireUser(request);
  const circles = await coordinatedCircles(user);
  invariantResponse(circles.length > 0, "Nicht gefunden", { status: 404 });
  return { user, circles };
}

const DECIDED_SHOWN = 50;

/** Open requests (oldest first: first come, first served) and the latest decided ones. */
export async function listJoinRequests(
  user: SessionUser,
): Promise<{ open: JoinRequestRow[]; decided: JoinRequestRow[] }> {
  return asUserReadOnly(user, async (tx) => {
    const base = tx
      .selectFrom("join_requests as j")
      .leftJoin("organizations as o", (join) =>
        join.on(sql<boolean>`o.id = coalesce(j.org_id, j.applicant_org_id)`),
      )
      .select([
        "j.id",
        "j.network_id as networkId",
        "j.org_name as orgName",
        "j.contact_name as contactName",
        "j.email",
        "j.phone",
        "j.message",
        "j.status",
        "j.decision_message as decisionMessage",
        "j.decided_at as decidedAt",
        "j.created_at as createdAt",
        "o.slug as orgSlug",
        sql<boolean>`j.applicant_org_id is not null`.as("existingTraeger"),
      ])
      .where(sql<boolean>`j.network_id in (select private.coordinated_network_ids())`);
    const open = await base.where("j.status", "=", "open").orderBy("j.created_at", "asc").execute();
    const decided = await base
      .where("j.status", "<>", "open")
      .orderBy("j.decided_at", "desc")
      .limit(rowLimit(DECIDED_SHOWN))
      .execute();
    const shape = (r: (typeof open)[number]): JoinRequestRow => ({
      ...r,
      decidedAt: iso(r.decidedAt),
      createdAt: iso(r.createdAt)!,
    });
    return { open: open.map(shape), decided: decided.map(shape) };
  });
}

/** Admits the request; returns the new Träger's id. Raises TK_NOT_FOUND / TK_ALREADY_DECIDED. */
export async function admitJoinRequest(user: SessionUser, requestId: string): Promise<string> {
  return asUser(user, async (tx) => {
    const result = await sql<{ id: string }>`select public.admit_join_request(${requestId}) as id`.execute(tx);
    return result.rows[0]!.id;
  });
}

/**
 * A signed-in owner/admin asks a public circle to take their existing Träger. Raises
 * TK_NOT_FOUND (not their Träger, no public page), TK_ALREADY_IN_CIRCLE, TK_JOIN_REQUEST_PENDING.
 */
export async function requestCircleMembership(
  user: SessionUser,
  networkId: string,
  orgId: string,
  message: string,
): Promise<void> {
  await asUser(user, (tx) => sql`select public.request_circle_membership(${networkId}, ${orgId}, ${message})`.execute(tx));
}

/** The user's Träger (as owner/admin) that could ask this circle to join: not in it yet. */
export async function traegerThatCouldJoin(
  user: SessionUser,
  networkId: string,
): Promise<Array<{ id: string; name: string; pending: boolean }>> {
  return asUser(user, async (tx) => {
    const rows = await tx
      .selectFrom("organizations as o")
      .select(["o.id", "o.name"])
      .where(sql<boolean>`o.id in (select private.user_org_ids_with_role(array['owner', 'admin']))`)
      .where(sql<boolean>`not exists (select 1 from public.network_members nm where nm.network_id = ${networkId} and nm.org_id = o.id)`)
      .orderBy("o.name")
      .execute();
    // Whether a request is open: the applicant cannot read join_requests (coordinators only), so ask SQL.
    const pending = await sql<{ org_id: string }>`
      select x as org_id from private.open_join_request_orgs(${networkId}) as x`.execute(tx);
    const open = new Set(pending.rows.map((r) => r.org_id));
    return rows.map((r) => ({ id: r.id, name: r.name, pending: open.has(r.id) }));
  });
}

export async function declineJoinRequest(user: SessionUser, requestId: string, message: string): Promise<void> {
  await asUser(user, (tx) => sql`select public.decline_join_request(${requestId}, ${message})`.execute(tx));
}

/** The request's contact (for the success message), if the user may see it. */
export async function joinRequestSummary(user: SessionUser, requestId: string) {
  return asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("join_requests")
      .select(["org_name as orgName", "contact_name as contactName", "email", sql<boolean>`applicant_org_id is not null`.as("existing")])
      .where("id", "=", requestId)
      .executeTakeFirst(),
  );
}

export type CircleSettings = {
  region: string;
  description: string;
  contactEmail: string | null;
  contactPhone: string | null;
  publicPage: boolean;
  /** Left unchanged when undefined. */
  fuehrungszeugnisMaxYears?: number;
};

/** Updates the circle's public details; false when the user does not coordinate it. */
export async function updateCircleSettings(user: SessionUser, networkId: string, values: CircleSettings): Promise<boolean> {
  return asUser(user, async (tx) => {
    const result = await tx
      .updateTable("networks")
      .set({
        region: values.region,
        description: values.description,
        contact_email: values.contactEmail,
        contact_phone: values.contactPhone,
        public_page: values.publicPage,
        ...(values.fuehrungszeugnisMaxYears === undefined ? {} : { fuehrungszeugnis_max_years: values.fuehrungszeugnisMaxYears }),
      })
      .where("id", "=", networkId)
      .where(sql<boolean>`id in (select private.coordinated_network_ids())`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  });
}
