// The Vertretungsbörse's part of the dashboard (/): how many Notfälle of other Träger are open in
// the person's circles (counted up to 100, the board shows them all), and the person's Träger's
// open requests and drafts with their fill status. Runs inside the dashboard's transaction.
import { sql } from "kysely";
import type { Tx } from "../db/request";
import type { CoverRequestStatus, CoverUrgency } from "../db/schema";
import { coverContext, idFilter } from "./context";
import { rowLimit } from "~/.server/db/limits";

export const NOTFALL_COUNT_CAP = 100;

export type CoverDashboard = {
  inCircle: boolean;
  canPost: boolean;
  /** Open Notfälle of other Träger visible to the person (capped at NOTFALL_COUNT_CAP). */
  openNotfaelle: number;
  ownOpen: Array<{
    id: string;
    status: CoverRequestStatus;
    urgency: CoverUrgency;
    title: string;
    periodFrom: string;
    periodTo: string;
    hoursPerWeek: string;
    coveredHours: string;
    openOffers: number;
  }>;
};

export async function coverDashboard(tx: Tx, userId: string): Promise<CoverDashboard> {
  const context = await coverContext(tx, userId);
  const empty: CoverDashboard = { inCircle: false, canPost: false, openNotfaelle: 0, ownOpen: [] };
  if (context.orgIds.length === 0) return empty;
  const notfaelle =
    context.networkIds.length === 0
      ? 0
      : Number(
          (
            await sql<{ n: number }>`
              select count(*)::int as n from (
                select 1 from public.cover_requests r
                where r.status = 'open' and r.urgency_rank = 1 and ${idFilter("r.network_id", context.networkIds)}
                  and r.org_id <> all(${context.orgIds}::uuid[])
                limit ${rowLimit(NOTFALL_COUNT_CAP)}
              ) x
            `.execute(tx)
          ).rows[0]?.n ?? 0,
        );
  const own = await sql<{
    id: string;
    status: CoverRequestStatus;
    urgency: CoverUrgency;
    hilfeart_label: string;
    gemeinde_name: string;
    period_from: string;
    period_to: string;
    hours_per_week: string;
    covered_hours: string;
    open_offers: number;
  }>`
    select r.id, r.status, r.urgency, h.label as hilfeart_label, g.name as gemeinde_name,
      to_char(r.period_from, 'YYYY-MM-DD') as period_from, to_char(r.period_to, 'YYYY-MM-DD') as period_to,
      r.hours_per_week::text as hours_per_week, r.covered_hours::text as covered_hours,
      (select count(*)::int from public.cover_offers x where x.request_id = r.id and x.status = 'offered') as open_offers
    from public.cover_requests r
    join public.hilfearten h on h.code = r.hilfeart
    join public.gemeinden g on g.code = r.gemeinde
    where ${idFilter("r.org_id", context.orgIds)} and r.status in ('draft', 'open')
    order by r.urgency_rank, r.created_at desc
    limit 5
  `.execute(tx);
  return {
    inCircle: context.networkIds.length > 0,
    canPost: context.posters.length > 0,
    openNotfaelle: notfaelle,
    ownOpen: own.rows.map((r) => ({
      id: r.id,
      status: r.status,
      urgency: r.urgency,
      title: `${r.hilfeart_label} in ${r.gemeinde_name}`,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      hoursPerWeek: String(r.hours_per_week),
      coveredHours: String(r.covered_hours),
      openOffers: Number(r.open_offers),
    })),
  };
}
