// What the header shows for a signed-in user: unread notifications and whether they coordinate a circle.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";

export async function headerInfo(user: SessionUser): Promise<{ unread: number; coordinates: boolean }> {
  return asUserReadOnly(user, async (tx) => {
    const row = await sql<{ unread: number; coordinates: boolean }>`
      select
        (select count(*)::int from public.notifications n
          where n.user_id = ${user.id} and n.read_at is null) as unread,
        exists (select 1 from private.coordinated_network_ids()) as coordinates
    `.execute(tx);
    return row.rows[0] ?? { unread: 0, coordinates: false };
  });
}
