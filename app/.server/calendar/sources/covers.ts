// Vertretungen: the periods of the Träger's own cover requests (published ones; drafts are not
// dates yet) and of the covers it gives (accepted offers). Whole-day entries over the period;
// the texts name the need and the place, never a client or a person.
import { sql } from "kysely";
import { numberText } from "~/utils/format";
import { rowLimit } from "~/.server/db/limits";
import { addDays, dayCut, dayOf, ENTRIES_PER_DAY, type CalendarEntry, type CalendarSource } from "../entries";
import { ownTraeger } from "./scope";

type Row = {
  id: string;
  offer_id: string | null;
  status: string;
  day_from: string;
  day_to: string;
  hilfeart: string;
  gemeinde: string;
  hours: string;
  updated_at: Date;
  requester: string | null;
};

function text(r: Row): string {
  return `${r.hilfeart} in ${r.gemeinde}`;
}

function toEntry(r: Row): CalendarEntry {
  const cancelled = r.status === "cancelled";
  // As toLocaleString("de-DE") wrote it (at most three decimals), with a formatter made once.
  const hours = numberText(Number(r.hours), 3);
  // What a cover given and an own request have alike: the whole days of the period, the request's page.
  const period = {
    kind: "cover",
    start: r.day_from,
    end: addDays(r.day_to, 1),
    allDay: true,
    href: `/vertretungen/${r.id}`,
    sequence: cancelled ? 1 : 0,
    mine: true,
    location: r.gemeinde,
    updatedAt: r.updated_at,
  } as const;
  if (r.offer_id) {
    return {
      ...period,
      uid: `cover-given-${r.offer_id}@traegerkreis`,
      title: `${cancelled ? "Abgesagt: " : ""}Wir vertreten: ${text(r)}`,
      status: cancelled ? "cancelled" : "confirmed",
      myState: `${hours} Std./Woche für ${r.requester}`,
      details: [`Vertretung für ${r.requester}: ${text(r)}, ${hours} Std./Woche.`],
    };
  }
  const state =
    r.status === "open" ? "noch offen" : r.status === "filled" ? "besetzt" : r.status === "completed" ? "abgeschlossen" : r.status === "expired" ? "abgelaufen" : "abgesagt";
  return {
    ...period,
    uid: `cover-request-${r.id}@traegerkreis`,
    title: `${cancelled ? "Abgesagt: " : ""}Vertretung gesucht: ${text(r)}`,
    status: cancelled ? "cancelled" : r.status === "open" ? "tentative" : "confirmed",
    myState: `Anfrage Ihres Trägers, ${state}`,
    details: [`Vertretungsanfrage Ihres Trägers: ${text(r)}, ${hours} Std./Woche (${state}).`],
  };
}

export const coverSource: CalendarSource = {
  kind: "cover",
  label: "Vertretungen",
  async load(tx, scope, range) {
    // Whole days: a period overlaps [from, to) when it starts before `to` and ends on/after `from`.
    const rows = await sql<Row>`
      select r.id, null::uuid as offer_id, r.status,
        to_char(r.period_from, 'YYYY-MM-DD') as day_from, to_char(r.period_to, 'YYYY-MM-DD') as day_to,
        h.label as hilfeart, g.name as gemeinde, r.hours_per_week::text as hours, r.updated_at, null::text as requester
      from public.cover_requests r
      join public.hilfearten h on h.code = r.hilfeart
      join public.gemeinden g on g.code = r.gemeinde
      where ${ownTraeger(scope, sql.ref("r.org_id"))} and r.status <> 'draft'
        and r.period_from < (${range.to}::timestamptz at time zone 'Europe/Berlin')::date + 1
        and r.period_to >= (${range.from}::timestamptz at time zone 'Europe/Berlin')::date
      union all
      select r.id, o.id, r.status,
        to_char(greatest(r.period_from, o.available_from), 'YYYY-MM-DD'), to_char(r.period_to, 'YYYY-MM-DD'),
        h.label, g.name, o.accepted_hours::text, greatest(r.updated_at, o.updated_at), ro.name
      from public.cover_ledger l
      join public.cover_offers o on o.id = l.offer_id
      join public.cover_requests r on r.id = o.request_id
      join public.organizations ro on ro.id = r.org_id
      join public.hilfearten h on h.code = r.hilfeart
      join public.gemeinden g on g.code = r.gemeinde
      where ${ownTraeger(scope, sql.ref("l.giver_org_id"))} and ${ownTraeger(scope, sql.ref("o.org_id"))} and o.status = 'accepted'
        -- Every accepted offer has its ledger row, written at acceptance with the covered period
        -- (greatest(request start, available from) to request end; a published request's period
        -- no longer changes): cover_ledger_giver_period_idx finds the covers that overlap the range
        -- instead of reading every cover the Träger ever gave.
        and l.period_to >= (${range.from}::timestamptz at time zone 'Europe/Berlin')::date
        and l.period_from < (${range.to}::timestamptz at time zone 'Europe/Berlin')::date + 1
        and greatest(r.period_from, o.available_from) <= r.period_to
        and greatest(r.period_from, o.available_from) < (${range.to}::timestamptz at time zone 'Europe/Berlin')::date + 1
        and r.period_to >= (${range.from}::timestamptz at time zone 'Europe/Berlin')::date
      order by 4
      limit 5000
    `.execute(tx);
    return rows.rows.map(toEntry);
  },
  async loadDays(tx, scope, window) {
    // The same periods as load, as keys only (every cover is the own Träger's: "mine" needs no
    // filter), numbered within their day in the window; the names only for the first of each day.
    const rows = await sql<Row & { day: string; n: number; sort_title: string }>`
      with c as (
        -- Within a day by start, then by the need and the place (their codes: the labels are
        -- joined for the first three only), then by UID.
        select k.*, k.hilfeart || ' ' || k.gemeinde as sort_title,
          row_number() over (partition by k.day order by k.day_from, (k.hilfeart || ' ' || k.gemeinde) collate "C", k.uid collate "C") as rn,
          count(*) over (partition by k.day)::int as n
        from (
          select r.id, null::uuid as offer_id, r.status, r.period_from as day_from, r.period_to, ${dayOf(sql`r.period_from`, window, true)} as day,
            r.hilfeart, r.gemeinde, r.hours_per_week as hours, r.updated_at, null::uuid as requester_id,
            'cover-request-' || r.id::text || '@traegerkreis' as uid
          from public.cover_requests r
          where ${ownTraeger(scope, sql.ref("r.org_id"))} and r.status <> 'draft'
            and r.period_from < ${window.to}::date and r.period_to >= ${window.from}::date
          union all
          select r.id, o.id, r.status, greatest(r.period_from, o.available_from), r.period_to,
            ${dayOf(sql`greatest(r.period_from, o.available_from)`, window, true)},
            r.hilfeart, r.gemeinde, o.accepted_hours, greatest(r.updated_at, o.updated_at), r.org_id,
            'cover-given-' || o.id::text || '@traegerkreis'
          from public.cover_ledger l
          join public.cover_offers o on o.id = l.offer_id
          join public.cover_requests r on r.id = o.request_id
          where ${ownTraeger(scope, sql.ref("l.giver_org_id"))} and ${ownTraeger(scope, sql.ref("o.org_id"))} and o.status = 'accepted'
            and l.period_to >= ${window.from}::date and l.period_from < ${window.to}::date
            and greatest(r.period_from, o.available_from) <= r.period_to
            and greatest(r.period_from, o.available_from) < ${window.to}::date
            and r.period_to >= ${window.from}::date
        ) k
      )
      select to_char(c.day, 'YYYY-MM-DD') as day, c.n, c.sort_title, c.id, c.offer_id, c.status,
        to_char(c.day_from, 'YYYY-MM-DD') as day_from, to_char(c.period_to, 'YYYY-MM-DD') as day_to,
        h.label as hilfeart, g.name as gemeinde, c.hours::text as hours, c.updated_at, ro.name as requester
      from c
      join public.hilfearten h on h.code = c.hilfeart
      join public.gemeinden g on g.code = c.gemeinde
      left join public.organizations ro on ro.id = c.requester_id
      where c.rn <= ${rowLimit(window.perDay ?? ENTRIES_PER_DAY)}
    `.execute(tx);
    return dayCut(rows.rows, (r) => ({ entry: toEntry(r), day: r.day, sortTitle: r.sort_title }));
  },
};
