// Kooperationstreffen of the circle, with the person's own answer (person calendars only).
import { sql } from "kysely";
import type { CalendarEntry, CalendarSource } from "../entries";
import { circlesOf, personOf } from "./scope";

const ANSWERS: Record<string, string> = {
  zusage: "Sie haben zugesagt",
  vielleicht: "Sie haben vielleicht zugesagt",
  absage: "Sie haben abgesagt",
};

export const meetingSource: CalendarSource = {
  kind: "meeting",
  label: "Treffen",
  async load(tx, scope, range) {
    const me = personOf(scope);
    const rows = await sql<{
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
    }>`
      select mt.id, mt.title, mt.starts_at, mt.ends_at, mt.place, g.name as gemeinde, mt.online_url,
        mt.status, mt.ics_sequence, mt.updated_at, o.name as host_name, n.name as network_name,
        r.answer
      from public.meetings mt
      join public.organizations o on o.id = mt.host_org_id
      join public.networks n on n.id = mt.network_id
      left join public.gemeinden g on g.code = mt.gemeinde
      left join public.meeting_rsvps r on r.meeting_id = mt.id and r.user_id = ${me}
      where ${circlesOf(scope, sql.ref("mt.network_id"))}
        and mt.starts_at < ${range.to} and mt.ends_at > ${range.from}
      order by mt.starts_at
      limit 5000
    `.execute(tx);
    return rows.rows.map((m): CalendarEntry => {
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
    });
  },
};
