// The user's notifications (the bell). RLS lets a user read and mark only their own. Rows hold
// kind and facts; the German title and body are written here (app/i18n/notifications.ts).
import { renderNotification } from "~/i18n/notifications";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";
import { rowLimit } from "~/.server/db/limits";

export type NotificationRow = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  read: boolean;
};

const SHOWN = 100;

export async function listNotifications(user: SessionUser): Promise<NotificationRow[]> {
  const rows = await asUserReadOnly(user, (tx) =>
    tx
      .selectFrom("notifications")
      .select(["id", "kind", "data", "link", "created_at as createdAt", "read_at as readAt"])
      .where("user_id", "=", user.id)
      .orderBy("created_at", "desc")
      .limit(rowLimit(SHOWN))
      .execute(),
  );
  return rows.map(({ readAt, createdAt, data, ...n }) => ({
    ...n,
    ...renderNotification(n.kind, data),
    createdAt: new Date(createdAt).toISOString(),
    read: readAt !== null,
  }));
}

/** Marks one notification read and returns its link; null when it is not the user's. */
export async function openNotification(user: SessionUser, id: string): Promise<{ link: string | null } | null> {
  return asUser(user, async (tx) => {
    const row = await tx
      .selectFrom("notifications")
      .select(["link", "read_at as readAt"])
      .where("id", "=", id)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (!row) return null;
    if (row.readAt === null) {
      await tx.updateTable("notifications").set({ read_at: new Date() }).where("id", "=", id).execute();
    }
    return { link: row.link };
  });
}

export async function markAllNotificationsRead(user: SessionUser): Promise<number> {
  return asUser(user, async (tx) => {
    const result = await tx
      .updateTable("notifications")
      .set({ read_at: new Date() })
      .where("user_id", "=", user.id)
      .where("read_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}
