// Kooperationstreffen of the circle, with the person's own answer (person calendars only).
import { sql } from "kysely";
import { rowLimit } from "~/.server/db/limits";
import { berlinToInstant } from "~/utils/berlin-time";
import { dayCut, dayOf, ENTRIES_PER_DAY, type CalendarEntry, type CalendarSource } from "../entries";
import { circlesOf, personOf } from "./scope";

type Row = {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  gemeinde: string | null;
  online_url: string | null;
  status: "planned" | "cancelled";
  ics_sequence: number;
  updated_at: Date;
  host_name: string;
  network_name: string;
  answer: string | null;
};

const ANSWERS: Record<string, string> = {
  zusage: "Sie haben zugesagt",
  vielleicht: "Sie haben vielleicht zugesagt",
  absage: "Sie haben abgesagt",
};

function toEntry(m: Row, me: string | null): CalendarEntry {
  const where = [m.place, m.gemeinde].filter(Boolean).join(", ");
  const myState = me ? (m.answer ? ANSWERS[m.answer]! : "Ihre Rückmeldung fehlt noch") : null;
  return {
    uid: `meeting-${m.id}@traegerkreis`,
    kind: "meeting",
    title: m.status === "cancelled" ? `Abgesagt: ${m.title}` : m.title,
    start: m.starts_at,
    end: m.ends_at,
    allDay: false,
    href: `/treffen/${m.id}`,
    status: m.status === "cancelled" ? "cancelled" : m.answer === "vielleicht" ? "tentative" : "confirmed",
    sequence: m.ics_sequence,
    mine: m.answer === "zusage" || m.answer === "vielleicht",
    myState,
    location: where || (m.online_url ? "Online" : null),
    details: [
      `Kooperationstreffen im ${m.network_name}, eingeladen von ${m.host_name}.`,
      ...(m.online_url ? [`Online: ${m.online_url}`] : []),
      ...(myState ? [myState + "."] : []),
    ],
    updatedAt: m.updated_at,
  };
}

export const meetingSource: CalendarSource = {
  kind: "meeting",
  label: "Treffen",
  async load(tx, scope, range) {
    const me = personOf(scope);
    const rows = await sql<Row>`
      select mt.id, mt.title, mt.starts_at, mt.ends_at, mt.place, g.name as gemeinde, mt.online_url,
        mt.status, mt.ics_sequence, mt.updated_at, o.name as host_name, n.name as network_name,
        r.answer
      from public.meetings mt
      join public.organizations o on o.id = mt.host_org_id
      join public.networks n on n.id = mt.network_id
      left join public.gemeinden g on g.code = mt.gemeinde
      left join public.meeting_rsvps r on r.meeting_id = mt.id and r.user_id = ${me}
      where ${circlesOf(scope, sql.ref("mt.network_id"))}
        -- At most a day long (meetings_at_most_a_day): only the day before the range can reach into it.
        and mt.starts_at < ${range.to} and mt.starts_at > ${range.from}::timestamptz - interval '1 day' and mt.ends_at > ${range.from}
      order by mt.starts_at
      limit 5000
    `.execute(tx);
    return rows.rows.map((m) => toEntry(m, me));
  },
  async loadDays(tx, scope, window) {
    const me = personOf(scope);
    const from = berlinToInstant(window.from);
    const to = berlinToInstant(window.to);
    // The window's meetings numbered within their Berlin day; the names and the person's answer
    // only for the first of each day.
    const rows = await sql<Row & { day: string; n: number }>`
      with c as (
        select mt.id, mt.title, mt.starts_at, mt.ends_at, mt.place, mt.gemeinde, mt.online_url, mt.status, mt.ics_sequence,
          mt.updated_at, mt.host_org_id, mt.network_id, d.day,
          row_number() over (partition by d.day order by mt.starts_at, mt.title collate "C", mt.id::text collate "C") as rn,
          count(*) over (partition by d.day)::int as n
        from public.meetings mt
        cross join lateral (select ${dayOf(sql`mt.starts_at`, window)} as day) d
        where ${circlesOf(scope, sql.ref("mt.network_id"))}
          -- A meeting lasts at most a day (meetings_at_most_a_day): the lower bound keeps
          -- meetings_time_idx from reading the circle's history.
          and mt.starts_at < ${to} and mt.starts_at > ${from}::timestamptz - interval '1 day' and mt.ends_at > ${from}
          ${
            window.onlyMine
              ? sql`and exists (select 1 from public.meeting_rsvps x where x.meeting_id = mt.id and x.user_id = ${me}
                            and x.answer in ('zusage', 'vielleicht'))`
              : sql``
          }
      )
      select to_char(c.day, 'YYYY-MM-DD') as day, c.n, c.id, c.title, c.starts_at, c.ends_at, c.place, g.name as gemeinde,
        c.online_url, c.status, c.ics_sequence, c.updated_at, o.name as host_name, n.name as network_name, r.answer
      from c
      join public.organizations o on o.id = c.host_org_id
      join public.networks n on n.id = c.network_id
      left join public.gemeinden g on g.code = c.gemeinde
      -- The person's answer by key, for the kept meetings only (joined, the planner read every
      -- answer the person ever gave).
      left join lateral (select x.answer from public.meeting_rsvps x where x.meeting_id = c.id and x.user_id = ${me} limit 1) r on true
      where c.rn <= ${rowLimit(window.perDay ?? ENTRIES_PER_DAY)}
    `.execute(tx);
    return dayCut(rows.rows, (m) => ({ entry: toEntry(m, me), day: m.day, sortTitle: m.title }));
  },
};
