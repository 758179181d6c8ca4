// Key dates of the Gemeinsame Projekte: the dates of every project whose workspace the calendar's
// Träger take part in (an active partner). Row-level security already limits project_dates to
// partners; a Träger feed is narrowed to its own partnerships. Every key date concerns the
// person's own Träger, so all count as "mine".
import { sql } from "kysely";
import { rowLimit } from "~/.server/db/limits";
import { berlinToInstant } from "~/utils/berlin-time";
import { dayCut, dayOf, ENTRIES_PER_DAY, type CalendarEntry, type CalendarScope, type CalendarSource } from "../entries";
import { circlesOf, ownTraeger } from "./scope";

type Row = {
  id: string;
  title: string;
  project_id: string;
  project_title: string;
  starts_at: Date;
  ends_at: Date | null;
  created_at: Date;
  project_updated_at: Date;
};

function toEntry(d: Row): CalendarEntry {
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
}

/**
 * The projects whose workspace the calendar's Träger take part in (not abandoned), as their own
 * step: the Träger's partnerships from project_partners_org_idx, then those projects by key and
 * their dates by project_dates_project_idx. Checked per date instead (an `exists` on the partners
 * and the project's policies for every date), the partnerships were read again for each of a
 * month's dates (decision 019, "Ninth sitting, branch kalender").
 */
function partnered(scope: CalendarScope) {
  return sql`select p.id, p.title, p.updated_at from public.projects p
    where p.id = any (array(select pp.project_id from public.project_partners pp
                            where pp.status = 'active' and ${ownTraeger(scope, sql.ref("pp.org_id"))}))
      and p.status <> 'abandoned' and ${circlesOf(scope, sql.ref("p.network_id"))}`;
}

export const projectDateSource: CalendarSource = {
  kind: "project",
  label: "Projekttermine",
  async load(tx, scope, range) {
    const rows = await sql<Row>`
      with p as materialized (${partnered(scope)})
      select d.id, d.title, p.id as project_id, p.title as project_title, d.starts_at, d.ends_at, d.created_at,
        p.updated_at as project_updated_at
      from p
      join public.project_dates d on d.project_id = p.id
      where d.starts_at < ${range.to} and coalesce(d.ends_at, d.starts_at) >= ${range.from}
      order by d.starts_at, d.id
      limit 2000
    `.execute(tx);
    return rows.rows.map(toEntry);
  },
  async loadDays(tx, scope, window) {
    const from = berlinToInstant(window.from);
    const to = berlinToInstant(window.to);
    const rows = await sql<Row & { day: string; n: number }>`
      with p as materialized (${partnered(scope)}),
      c as (
        select d.id, d.title, p.id as project_id, p.title as project_title, d.starts_at, d.ends_at, d.created_at,
          p.updated_at as project_updated_at, x.day,
          row_number() over (partition by x.day order by d.starts_at, d.title collate "C", d.id::text collate "C") as rn,
          count(*) over (partition by x.day)::int as n
        from p
        join public.project_dates d on d.project_id = p.id
        cross join lateral (select ${dayOf(sql`d.starts_at`, window)} as day) x
        where d.starts_at < ${to} and coalesce(d.ends_at, d.starts_at) >= ${from}
      )
      select to_char(c.day, 'YYYY-MM-DD') as day, c.n, c.id, c.title, c.project_id, c.project_title, c.starts_at, c.ends_at,
        c.created_at, c.project_updated_at
      from c
      where c.rn <= ${rowLimit(window.perDay ?? ENTRIES_PER_DAY)}
    `.execute(tx);
    return dayCut(rows.rows, (d) => ({ entry: toEntry(d), day: d.day, sortTitle: d.title }));
  },
};
