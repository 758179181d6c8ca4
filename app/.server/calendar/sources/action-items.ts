// Aufgaben from approved minutes: the due dates of the Träger's own action items (and, on a
// person's calendar, those assigned to the person), as whole-day entries.
import { sql } from "kysely";
import { rowLimit } from "~/.server/db/limits";
import { addDays, dayCut, ENTRIES_PER_DAY, type CalendarEntry, type CalendarSource } from "../entries";
import { ownTraeger, personOf } from "./scope";

type Row = { id: string; title: string; due: string; status: string; updated_at: Date; owner_name: string; assigned_to_me: boolean };

function toEntry(a: Row): CalendarEntry {
  return {
    uid: `action-item-${a.id}@traegerkreis`,
    kind: "action",
    title: `${a.status === "done" ? "Erledigt: " : "Fällig: "}${a.title}`,
    start: a.due,
    end: addDays(a.due, 1),
    allDay: true,
    href: `/treffen/aufgaben`,
    status: "confirmed",
    sequence: 0,
    mine: a.assigned_to_me,
    myState: a.assigned_to_me ? "Ihnen zugewiesen" : `Aufgabe von ${a.owner_name}`,
    details: [`Aufgabe aus einem Kooperationstreffen, zuständig: ${a.owner_name}.`],
    updatedAt: a.updated_at,
  };
}

export const actionItemSource: CalendarSource = {
  kind: "action",
  label: "Aufgaben",
  async load(tx, scope, range) {
    const me = personOf(scope);
    const rows = await sql<Row>`
      select a.id, a.title, to_char(a.due_date, 'YYYY-MM-DD') as due, a.status, a.updated_at, o.name as owner_name,
        coalesce(a.owner_user_id = ${me}::uuid, false) as assigned_to_me
      from public.action_items a
      join public.organizations o on o.id = a.owner_org_id
      where a.due_date is not null
        and (${ownTraeger(scope, sql.ref("a.owner_org_id"))} or a.owner_user_id = ${me}::uuid)
        and a.due_date < (${range.to}::timestamptz at time zone 'Europe/Berlin')::date + 1
        and a.due_date >= (${range.from}::timestamptz at time zone 'Europe/Berlin')::date
      order by a.due_date
      limit 2000
    `.execute(tx);
    return rows.rows.map(toEntry);
  },
  async loadDays(tx, scope, window) {
    const me = personOf(scope);
    const rows = await sql<Row & { day: string; n: number }>`
      with c as (
        select a.id, a.title, a.due_date, a.status, a.updated_at, a.owner_org_id, a.owner_user_id,
          row_number() over (partition by a.due_date order by a.title collate "C", a.id::text collate "C") as rn,
          count(*) over (partition by a.due_date)::int as n
        from public.action_items a
        where a.due_date is not null
          and ${
            window.onlyMine
              ? sql`a.owner_user_id = ${me}::uuid`
              : sql`(${ownTraeger(scope, sql.ref("a.owner_org_id"))} or a.owner_user_id = ${me}::uuid)`
          }
          and a.due_date >= ${window.from}::date and a.due_date < ${window.to}::date
      )
      select to_char(c.due_date, 'YYYY-MM-DD') as day, c.n, c.id, c.title, to_char(c.due_date, 'YYYY-MM-DD') as due, c.status,
        c.updated_at, o.name as owner_name, coalesce(c.owner_user_id = ${me}::uuid, false) as assigned_to_me
      from c
      join public.organizations o on o.id = c.owner_org_id
      where c.rn <= ${rowLimit(window.perDay ?? ENTRIES_PER_DAY)}
    `.execute(tx);
    return dayCut(rows.rows, (a) => ({ entry: toEntry(a), day: a.day, sortTitle: a.title }));
  },
};
