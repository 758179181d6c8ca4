// What the header shows for a signed-in user: unread notifications, whether they coordinate a
// circle, and the open Notfälle of their circles (the badge on "Vertretungen"; RLS decides which
// requests count, the partial board index on status = 'open' answers).
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUser, asUserReadOnly } from "../db/request";

export async function headerInfo(user: SessionUser): Promise<{ unread: number; coordinates: boolean; openNotfaelle: number }> {
  return asUserReadOnly(user, async (tx) => {
    const row = await sql<{ unread: number; coordinates: boolean; open_notfaelle: number }>`
      select
        (select count(*)::int from public.notifications n
          where n.user_id = ${user.id} and n.read_at is null) as unread,
        exists (select 1 from private.coordinated_network_ids()) as coordinates,
        (select count(*)::int from public.cover_requests r
          where r.status = 'open' and r.urgency = 'notfall'
            and r.network_id in (select private.user_network_ids())) as open_notfaelle
    `.execute(tx);
    const r = row.rows[0];
    return { unread: r?.unread ?? 0, coordinates: r?.coordinates ?? false, openNotfaelle: r?.open_notfaelle ?? 0 };
  });
}
