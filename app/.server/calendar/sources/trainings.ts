// Fortbildungen, one entry per session, with the person's own registration (registered,
// waitlisted, offered …). The UID is the one of the training's .ics files
// (app/.server/calendar/ics.ts), so a download and the feed describe the same event.
//
// Which trainings (docs/decisions/016): those that concern the calendar — the person's
// registrations (also one the organiser cancelled, so it shows as cancelled) and the trainings
// their Träger organise or co-organise — over the whole range; the circle's other trainings only
// when the range asks for them (`range.others`: the feed's next eight weeks). A circle plans
// hundreds a month (the bench: 550 at 1×, 5,500 at 10×); reading all of them made /kalender grow
// with the circle's history. The page links the others to /fortbildungen?monat (countCircleTrainings).
// The person's registrations are read by their trainings' dates (private.my_registered_training_ids),
// the own Träger's trainings by trainings_org_dates_idx: only those overlapping the range, not every
// one the person or the Träger ever had (a session lies within its training's start and end).
import { sql, type RawBuilder } from "kysely";
import type { Tx } from "../../db/request";
import { sessionUid } from "../ics";
import { berlinToInstant } from "~/utils/berlin-time";
import { dayCut, dayOf, ENTRIES_PER_DAY, type CalendarEntry, type CalendarRange, type CalendarScope, type CalendarSource } from "../entries";
import { circlesOf, ownTraeger, personOf } from "./scope";
import { rowLimit } from "~/.server/db/limits";

const STATES: Record<string, string> = {
  confirmed: "Sie sind angemeldet",
  pending_approval: "Ihre Anmeldung wartet auf Freigabe",
  waitlisted: "Sie stehen auf der Warteliste",
  offered: "Ihnen ist ein Platz angeboten – bitte annehmen",
  attended: "Sie haben teilgenommen",
  no_show: "Angemeldet, nicht teilgenommen",
};

type Row = {
  id: string;
  title: string;
  status: "published" | "cancelled" | "held";
  place: string | null;
  gemeinde: string | null;
  online_url: string | null;
  updated_at: Date;
  org_name: string;
  position: number;
  starts_at: Date;
  ends_at: Date;
  session_count: number;
  my_status: string | null;
  waitlist_position: number | null;
};

/** `reg`: the person's own registration for the training (its status and waitlist place), if any. */
function myRegistration(me: string | null, training: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`left join lateral (
        select r.status, r.waitlist_position from public.training_registrations r
        where r.training_id = ${training} and r.user_id = ${me}
          and r.status in ('confirmed', 'pending_approval', 'waitlisted', 'offered', 'attended', 'no_show')
        limit 1) reg on true`;
}

function toEntry(t: Row): CalendarEntry {
  const base = t.my_status ? STATES[t.my_status] : null;
  const myState =
    base && t.my_status === "waitlisted" && t.waitlist_position ? `${base} (Platz ${t.waitlist_position})` : base ?? null;
  const suffix = t.session_count > 1 ? ` (Termin ${t.position}/${t.session_count})` : "";
  return {
    uid: sessionUid(`training-${t.id}@traegerkreis`, t.position),
    kind: "training",
    title: (t.status === "cancelled" ? "Abgesagt: " : "") + t.title + suffix,
    start: t.starts_at,
    end: t.ends_at,
    allDay: false,
    href: `/fortbildungen/${t.id}`,
    status: t.status === "cancelled" ? "cancelled" : t.my_status === "waitlisted" ? "tentative" : "confirmed",
    // As the training's own files: a cancellation must win over the entry it cancels.
    sequence: t.status === "cancelled" ? 1 : 0,
    mine: t.my_status !== null,
    myState,
    location: [t.place, t.gemeinde].filter(Boolean).join(", ") || (t.online_url ? "Online" : null),
    details: [
      `Fortbildung von ${t.org_name}.`,
      ...(t.online_url ? [`Online: ${t.online_url}`] : []),
      ...(myState ? [myState + "."] : []),
    ],
    updatedAt: t.updated_at,
  };
}

/**
 * The trainings that concern the calendar in the range, as ids (see the head of this file); with
 * `onlyMine` only the person's registrations. Their own step: inlined, the planner (with the
 * trainings' row-level policies on the join) started from every training of the person's circles
 * and hash-joined the handful to them (decision 019, "Eighth sitting").
 */
function wanted(scope: CalendarScope, range: CalendarRange, onlyMine: boolean) {
  const me = personOf(scope);
  if (onlyMine) {
    return me ? sql`select id from private.my_registered_training_ids(${range.from}, ${range.to}) id` : sql`select null::uuid as id where false`;
  }
  return sql`
    ${
      // The person's registrations (a Träger feed has none): the calendar runs as that person.
      me ? sql`select id from private.my_registered_training_ids(${range.from}, ${range.to}) id
    union` : sql``
    }
    select t.id from public.trainings t
    where ${ownTraeger(scope, sql.ref("t.org_id"))} and t.starts_at < ${range.to} and t.ends_at > ${range.from}
    union
    select c.training_id from public.training_co_organizers c where ${ownTraeger(scope, sql.ref("c.org_id"))}
    ${
      range.others
        ? sql`union
    select t.id from public.trainings t
    where ${circlesOf(scope, sql.ref("t.network_id"))} and t.status in ('published', 'cancelled', 'held')
      and t.starts_at < ${range.others.to} and t.ends_at > ${range.others.from}`
        : sql``
    }`;
}

export const trainingSource: CalendarSource = {
  kind: "training",
  label: "Fortbildungen",
  async load(tx, scope, range) {
    const me = personOf(scope);
    const rows = await sql<Row>`
      with wanted as materialized (${wanted(scope, range, false)})
      select t.id, t.title, t.status, t.place, g.name as gemeinde, t.online_url, t.updated_at,
        o.name as org_name, s.position, s.starts_at, s.ends_at,
        t.session_count,
        reg.status as my_status, reg.waitlist_position
      from wanted
      join public.trainings t on t.id = wanted.id
      join public.training_sessions s on s.training_id = t.id
      join public.organizations o on o.id = t.org_id
      left join public.gemeinden g on g.code = t.gemeinde
      ${myRegistration(me, sql.ref("t.id"))}
      where t.status <> 'draft' and ${circlesOf(scope, sql.ref("t.network_id"))}
        and s.starts_at < ${range.to} and s.ends_at > ${range.from}
      order by s.starts_at
      limit 20000
    `.execute(tx);
    return rows.rows.map(toEntry);
  },
  async loadDays(tx, scope, window) {
    const me = personOf(scope);
    const range = { from: berlinToInstant(window.from), to: berlinToInstant(window.to) };
    // The wanted trainings' sessions in the window, numbered within their Berlin day (the session
    // count is the training's own, trainings.session_count); the organiser's name and the person's
    // registration only for the first of each day.
    const rows = await sql<Row & { day: string; n: number }>`
      with wanted as materialized (${wanted(scope, range, window.onlyMine)}),
      s as (
        select t.id, t.title, t.status, t.place, t.gemeinde, t.online_url, t.updated_at, t.org_id, s.position, s.starts_at,
          s.ends_at, t.session_count
        from wanted
        join public.trainings t on t.id = wanted.id
        join public.training_sessions s on s.training_id = t.id
        where t.status <> 'draft' and ${circlesOf(scope, sql.ref("t.network_id"))}
          and s.starts_at < ${range.to} and s.ends_at > ${range.from}
          ${
            window.onlyMine
              ? sql`and exists (select 1 from public.training_registrations r where r.training_id = t.id and r.user_id = ${me}
                            and r.status in ('confirmed', 'pending_approval', 'waitlisted', 'offered', 'attended', 'no_show'))`
              : sql``
          }
      ),
      c as (
        select s.*, d.day,
          row_number() over (partition by d.day
            order by s.starts_at, s.title collate "C", ('training-' || s.id::text || '-' || s.position::text || '@traegerkreis') collate "C") as rn,
          count(*) over (partition by d.day)::int as n
        from s
        cross join lateral (select ${dayOf(sql`s.starts_at`, window)} as day) d
      )
      select to_char(c.day, 'YYYY-MM-DD') as day, c.n, c.id, c.title, c.status, c.place, g.name as gemeinde, c.online_url,
        c.updated_at, o.name as org_name, c.position, c.starts_at, c.ends_at, c.session_count,
        reg.status as my_status, reg.waitlist_position
      from c
      join public.organizations o on o.id = c.org_id
      left join public.gemeinden g on g.code = c.gemeinde
      ${myRegistration(me, sql.ref("c.id"))}
      where c.rn <= ${rowLimit(window.perDay ?? ENTRIES_PER_DAY)}
    `.execute(tx);
    return dayCut(rows.rows, (t) => ({ entry: toEntry(t), day: t.day, sortTitle: t.title }));
  },
};

/** Upcoming published trainings of the circle starting in [from, to), counted up to `cap`. */
export async function countCircleTrainings(
  tx: Tx,
  scope: CalendarScope,
  span: { from: Date; to: Date },
  cap: number,
): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from (
      select 1 from public.trainings t
      where ${circlesOf(scope, sql.ref("t.network_id"))} and t.status = 'published'
        and t.starts_at >= ${span.from} and t.starts_at < ${span.to} and t.starts_at > now()
      limit ${rowLimit(cap + 1)}) x
  `.execute(tx);
  return result.rows[0]?.n ?? 0;
}
