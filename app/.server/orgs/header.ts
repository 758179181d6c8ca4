// What the header shows for a signed-in user: unread notifications, whether they coordinate a
// circle, and the open Notfälle of their circles (the badge on "Vertretungen"; RLS decides which
// requests count, the partial board index on status = 'open' answers). On a page request the
// session lookup already read it in its transaction (auth/session.ts); headerInfo then takes that.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUserReadOnly, type Tx } from "../db/request";
import { currentRequestScope, type HeaderData } from "../http/request-scope";

/** The header's data, read in `tx` as the signed-in user `userId`. */
export async function readHeaderData(tx: Tx, userId: string): Promise<HeaderData> {
  const row = await sql<{ unread: number; coordinates: boolean; open_notfaelle: number }>`
    select
      (select count(*)::int from public.notifications n
        where n.user_id = ${userId} and n.read_at is null) as unread,
      exists (select 1 from private.coordinated_network_ids()) as coordinates,
      (select count(*)::int from public.cover_requests r
        where r.status = 'open' and r.urgency = 'notfall'
          and r.network_id = any (array(select private.user_network_ids()))) as open_notfaelle
  `.execute(tx);
  const r = row.rows[0];
  return { unread: r?.unread ?? 0, coordinates: r?.coordinates ?? false, openNotfaelle: r?.open_notfaelle ?? 0 };
}

export async function headerInfo(user: SessionUser): Promise<HeaderData> {
  const known = await currentRequestScope()?.headers.get(user.id);
  if (known) return known;
  return asUserReadOnly(user, (tx) => readHeaderData(tx, user.id));
}
