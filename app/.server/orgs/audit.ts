// A Träger's audit log, for its admins. RLS returns only the Träger's own entries to its owners
// and admins; names of people appear where the reader may see their profile.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import { rowLimit } from "~/.server/db/limits";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntry = {
  id: string;
  createdAt: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  details: Record<string, unknown>;
};

/** One page (1-based), newest first; `hasMore` when an older page exists. */
export async function auditPage(
  user: SessionUser,
  orgId: string,
  page: number,
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  const rows = await asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("audit_log as a")
      .leftJoin("profiles as actor", "actor.user_id", "a.actor_id")
      .leftJoin("profiles as target", (join) =>
        join.on("a.target_type", "=", "user").on(sql`target.user_id::text`, "=", sql.ref("a.target_id")),
      )
      .select([
        "a.id",
        "a.created_at as createdAt",
        "a.action",
        "a.actor_id as actorId",
        "actor.full_name as actorName",
        "a.target_type as targetType",
        "a.target_id as targetId",
        "target.full_name as targetName",
        "a.details",
      ])
      .where("a.org_id", "=", orgId)
      .orderBy("a.created_at", "desc")
      .orderBy("a.id", "desc")
      .limit(rowLimit(AUDIT_PAGE_SIZE + 1))
      .offset((page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
  );
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, id: String(r.id) })),
    hasMore: rows.length > AUDIT_PAGE_SIZE,
  };
}
