// The circle's Protokoll, for its coordinators: every audit entry that belongs to a circle they
// coordinate (admissions, removals, handed-over coordination, settings, published trainings).
// RLS ("coordinators of a circle can read its audit log") decides; the explicit filter is the same.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser } from "../db/request";
import { rowLimit } from "~/.server/db/limits";

export const CIRCLE_AUDIT_PAGE_SIZE = 50;

export type CircleAuditEntry = {
  id: string;
  createdAt: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  networkName: string;
  orgName: string | null;
  details: Record<string, unknown>;
};

export async function circleAuditPage(
  user: SessionUser,
  page: number,
): Promise<{ entries: CircleAuditEntry[]; hasMore: boolean }> {
  const rows = await asUser(user, (tx) =>
    tx
      .selectFrom("audit_log as a")
      .innerJoin("networks as n", "n.id", "a.network_id")
      .leftJoin("profiles as actor", "actor.user_id", "a.actor_id")
      .leftJoin("organizations as o", "o.id", "a.org_id")
      .select([
        "a.id",
        "a.created_at as createdAt",
        "a.action",
        "a.actor_id as actorId",
        "actor.full_name as actorName",
        "n.name as networkName",
        "o.name as orgName",
        "a.details",
      ])
      .where(sql<boolean>`a.network_id in (select private.coordinated_network_ids())`)
      .orderBy("a.created_at", "desc")
      .orderBy("a.id", "desc")
      .limit(rowLimit(CIRCLE_AUDIT_PAGE_SIZE + 1))
      .offset((page - 1) * CIRCLE_AUDIT_PAGE_SIZE)
      .execute(),
  );
  return {
    entries: rows.slice(0, CIRCLE_AUDIT_PAGE_SIZE).map((r) => ({ ...r, id: String(r.id), details: r.details as Record<string, unknown> })),
    hasMore: rows.length > CIRCLE_AUDIT_PAGE_SIZE,
  };
}
