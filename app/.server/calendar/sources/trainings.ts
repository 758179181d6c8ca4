// Fortbildungen of the circle, one entry per session, with the person's own registration
// (registered, waitlisted, offered …). The UID is the one of the training's .ics files
// (app/.server/calendar/ics.ts), so a download and the feed describe the same event.
import { sql } from "kysely";
import { sessionUid } from "../ics";
import type { CalendarEntry, CalendarSource } from "../entries";
import { circlesOf, personOf } from "./scope";

const STATES: Record<string, string> = {
  confirmed: "Sie sind angemeldet",
  pending_approval: "Ihre Anmeldung wartet auf Freigabe",
  waitlisted: "Sie stehen auf der Warteliste",
  offered: "Ihnen ist ein Platz angeboten – bitte annehmen",
  attended: "Sie haben teilgenommen",
  no_show: "Angemeldet, nicht teilgenommen",
};

export const trainingSource: CalendarSource = {
  kind: "training",
  label: "Fortbildungen",
  async load(tx, scope, range) {
    const me = personOf(scope);
    const rows = await sql<{
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
    }>`
      select t.id, t.title, t.status, t.place, g.name as gemeinde, t.online_url, t.updated_at,
        o.name as org_name, s.position, s.starts_at, s.ends_at,
        (select count(*)::int from public.training_sessions x where x.training_id = t.id) as session_count,
        reg.status as my_status, reg.waitlist_position
      -- The sessions in the range first (offset 0 keeps the planner from folding them in): as the
      -- user, each session row costs a look at its training (the sessions' select policy), and
      -- without the fence Postgres probed the sessions of every visible training instead.
      from (select s.training_id, s.position, s.starts_at, s.ends_at from public.training_sessions s
            where s.starts_at < ${range.to} and s.ends_at > ${range.from} offset 0) s
      join public.trainings t on t.id = s.training_id
      join public.organizations o on o.id = t.org_id
      left join public.gemeinden g on g.code = t.gemeinde
      left join lateral (
        select r.status, r.waitlist_position from public.training_registrations r
        where r.training_id = t.id and r.user_id = ${me}
          and r.status in ('confirmed', 'pending_approval', 'waitlisted', 'offered', 'attended', 'no_show')
        limit 1) reg on true
      where t.status <> 'draft' and ${circlesOf(scope, sql.ref("t.network_id"))}
      order by s.starts_at
      limit 20000
    `.execute(tx);
    return rows.rows.map((t): CalendarEntry => {
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
    });
  },
};
