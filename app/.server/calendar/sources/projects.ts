// Key dates of the Gemeinsame Projekte: the dates of every project whose workspace the calendar's
// Träger take part in (an active partner). Row-level security already limits project_dates to
// partners; a Träger feed is narrowed to its own partnerships. Every key date concerns the
// person's own Träger, so all count as "mine".
import { sql } from "kysely";
import { type CalendarEntry, type CalendarSource } from "../entries";
import { circlesOf, ownTraeger } from "./scope";

export const projectDateSource: CalendarSource = {
  kind: "project",
  label: "Projekttermine",
  async load(tx, scope, range) {
    const rows = await sql<{
      id: string;
      title: string;
      project_id: string;
      project_title: string;
      starts_at: Date;
      ends_at: Date | null;
      created_at: Date;
      project_updated_at: Date;
    }>`
      select d.id, d.title, p.id as project_id, p.title as project_title, d.starts_at, d.ends_at, d.created_at,
        p.updated_at as project_updated_at
      from public.project_dates d
      join public.projects p on p.id = d.project_id
      where p.status <> 'abandoned' and ${circlesOf(scope, sql.ref("p.network_id"))}
        and exists (select 1 from public.project_partners pp
                    where pp.project_id = p.id and pp.status = 'active' and ${ownTraeger(scope, sql.ref("pp.org_id"))})
        and d.starts_at < ${range.to} and coalesce(d.ends_at, d.starts_at) >= ${range.from}
      order by d.starts_at, d.id
      limit 2000
    `.execute(tx);
    return rows.rows.map((d): CalendarEntry => {
      const end = d.ends_at && d.ends_at > d.starts_at ? d.ends_at : new Date(d.starts_at.getTime() + 60 * 60_000);
      return {
        uid: `project-date-${d.id}@traegerkreis`,
        kind: "project",
        title: `${d.title} · ${d.project_title}`,
        start: d.starts_at,
        end,
        allDay: false,
        href: `/projekte/${d.project_id}/arbeitsraum`,
        status: "confirmed",
        sequence: 0,
        mine: true,
        myState: null,
        details: [`Termin im Projekt „${d.project_title}“.`],
        updatedAt: d.project_updated_at > d.created_at ? d.project_updated_at : d.created_at,
      };
    });
  },
};
