// Creating, renewing and revoking calendar feeds (public.create_calendar_feed & co., which write
// the audit log). The token is 32 random bytes (base64url, 43 characters); the database keeps only
// its sha256, so the URL can be shown once, right after it was made — afterwards only renewed.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";

export function newFeedToken(): string {
  return randomBytes(32).toString("base64url");
}

export function feedPath(token: string): string {
  return `/kalender/${token}.ics`;
}

export type FeedState = { active: boolean; createdAt: Date | null };

export async function personalFeedState(user: SessionUser): Promise<FeedState> {
  return asUserReadOnly(user, async (tx) => {
    const row = await tx
      .selectFrom("calendar_feeds")
      .select(["created_at"])
      .where("kind", "=", "person")
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    return { active: Boolean(row), createdAt: row?.created_at ?? null };
  });
}

/** Creates or renews the person's feed; returns the new token (the old URL stops at once). */
export async function createPersonalFeed(user: SessionUser): Promise<string> {
  const token = newFeedToken();
  await asUser(user, (tx) => sql`select public.create_calendar_feed(${token})`.execute(tx));
  return token;
}

export async function revokePersonalFeed(user: SessionUser): Promise<boolean> {
  return asUser(user, async (tx) => {
    const result = await sql<{ revoked: boolean }>`select public.revoke_calendar_feed() as revoked`.execute(tx);
    return Boolean(result.rows[0]?.revoked);
  });
}

export async function traegerFeedState(user: SessionUser, orgId: string): Promise<FeedState> {
  return asUserReadOnly(user, async (tx) => {
    const row = await tx
      .selectFrom("calendar_feeds")
      .select(["created_at"])
      .where("kind", "=", "traeger")
      .where("org_id", "=", orgId)
      .executeTakeFirst();
    return { active: Boolean(row), createdAt: row?.created_at ?? null };
  });
}

export async function createTraegerFeed(user: SessionUser, orgId: string): Promise<string> {
  const token = newFeedToken();
  await asUser(user, (tx) => sql`select public.create_traeger_calendar_feed(${orgId}::uuid, ${token})`.execute(tx));
  return token;
}

export async function revokeTraegerFeed(user: SessionUser, orgId: string): Promise<boolean> {
  return asUser(user, async (tx) => {
    const result = await sql<{ revoked: boolean }>`select public.revoke_traeger_calendar_feed(${orgId}::uuid) as revoked`.execute(tx);
    return Boolean(result.rows[0]?.revoked);
  });
}
