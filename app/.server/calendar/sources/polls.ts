// Terminumfragen of the circle: the deadline of each open poll, as a whole-day entry on its
// Berlin day (the time in the title). "Mine" when the person has voted.
import { sql } from "kysely";
import { timeText } from "~/utils/format";
import { addDays, berlinDate, type CalendarEntry, type CalendarSource } from "../entries";
import { circlesOf, personOf } from "./scope";

export const pollSource: CalendarSource = {
  kind: "poll",
  label: "Terminumfragen",
  async load(tx, scope, range) {
    const me = personOf(scope);
    const rows = await sql<{ id: string; title: string; deadline: Date; host_name: string; voted: boolean; created_at: Date }>`
      select p.id, p.title, p.deadline, o.name as host_name, p.created_at,
        (${me}::uuid is not null and exists (select 1 from public.poll_votes v where v.poll_id = p.id and v.user_id = ${me})) as voted
      from public.date_polls p
      join public.organizations o on o.id = p.host_org_id
      where p.status = 'open' and p.deadline is not null and ${circlesOf(scope, sql.ref("p.network_id"))}
        and p.deadline >= ${range.from} and p.deadline < ${range.to}
      order by p.deadline
      limit 2000
    `.execute(tx);
    return rows.rows.map((p): CalendarEntry => {
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
    });
  },
};
