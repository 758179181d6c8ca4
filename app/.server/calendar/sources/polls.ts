// Terminumfragen of the circle: the deadline of each open poll, as a whole-day entry on its
// Berlin day (the time in the title). "Mine" when the person has voted.
import { sql } from "kysely";
import { timeText } from "~/utils/format";
import { rowLimit } from "~/.server/db/limits";
import { berlinToInstant } from "~/utils/berlin-time";
import { addDays, berlinDate, dayCut, dayOf, ENTRIES_PER_DAY, type CalendarEntry, type CalendarSource } from "../entries";
import { circlesOf, personOf } from "./scope";

type Row = { id: string; title: string; deadline: Date; host_name: string; voted: boolean; created_at: Date };

function toEntry(p: Row, me: string | null): CalendarEntry {
  const day = berlinDate(p.deadline);
  const myState = me ? (p.voted ? "Sie haben abgestimmt" : "Sie haben noch nicht abgestimmt") : null;
  return {
    uid: `poll-deadline-${p.id}@traegerkreis`,
    kind: "poll",
    title: `Terminumfrage endet ${timeText(p.deadline)} Uhr: ${p.title}`,
    start: day,
    end: addDays(day, 1),
    allDay: true,
    href: `/treffen/umfragen/${p.id}`,
    status: "confirmed",
    sequence: 0,
    mine: p.voted,
    myState,
    details: [`Terminumfrage von ${p.host_name}.`, ...(myState ? [myState + "."] : [])],
    updatedAt: p.created_at,
  };
}

export const pollSource: CalendarSource = {
  kind: "poll",
  label: "Terminumfragen",
  async load(tx, scope, range) {
    const me = personOf(scope);
    const rows = await sql<Row>`
      select p.id, p.title, p.deadline, o.name as host_name, p.created_at,
        (${me}::uuid is not null and exists (select 1 from public.poll_votes v where v.poll_id = p.id and v.user_id = ${me})) as voted
      from public.date_polls p
      join public.organizations o on o.id = p.host_org_id
      where p.status = 'open' and p.deadline is not null and ${circlesOf(scope, sql.ref("p.network_id"))}
        and p.deadline >= ${range.from} and p.deadline < ${range.to}
      order by p.deadline
      limit 2000
    `.execute(tx);
    return rows.rows.map((p) => toEntry(p, me));
  },
  async loadDays(tx, scope, window) {
    const me = personOf(scope);
    // A deadline is a whole-day entry on its Berlin day: ordered there by the poll's title.
    const rows = await sql<Row & { day: string; n: number }>`
      with c as (
        select p.id, p.title, p.deadline, p.host_org_id, p.created_at, d.day,
          row_number() over (partition by d.day order by p.title collate "C", p.id::text collate "C") as rn,
          count(*) over (partition by d.day)::int as n
        from public.date_polls p
        cross join lateral (select ${dayOf(sql`p.deadline`, window)} as day) d
        where p.status = 'open' and p.deadline is not null and ${circlesOf(scope, sql.ref("p.network_id"))}
          and p.deadline >= ${berlinToInstant(window.from)} and p.deadline < ${berlinToInstant(window.to)}
          ${
            window.onlyMine
              ? sql`and exists (select 1 from public.poll_votes v where v.poll_id = p.id and v.user_id = ${me})`
              : sql``
          }
      )
      select to_char(c.day, 'YYYY-MM-DD') as day, c.n, c.id, c.title, c.deadline, o.name as host_name, c.created_at,
        (${me}::uuid is not null and exists (select 1 from public.poll_votes v where v.poll_id = c.id and v.user_id = ${me})) as voted
      from c
      join public.organizations o on o.id = c.host_org_id
      where c.rn <= ${rowLimit(window.perDay ?? ENTRIES_PER_DAY)}
    `.execute(tx);
    return dayCut(rows.rows, (p) => ({ entry: toEntry(p, me), day: p.day, sortTitle: p.title }));
  },
};
