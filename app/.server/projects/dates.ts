// Key dates of the projects for the calendar (/kalender): the dates of every project whose
// workspace the signed-in person sees (their Träger is an active partner), read under RLS — so
// nobody else's project dates ever reach a calendar. One function for the calendar page and its
// feed to call; the iCalendar text goes through app/.server/calendar/writer.ts there.
import { sql } from "kysely";
import type { SessionUser } from "../auth/session";
import { asUserReadOnly, type Tx } from "../db/request";

export type ProjectKeyDate = {
  id: string;
  /** "<date title> · <project title>" */
  title: string;
  startsAt: Date;
  endsAt?: Date;
  /** The project's workspace. */
  url: string;
};

/** Key dates in [from, to) (by start; a date spanning into the range counts), in a transaction. */
export async function projectKeyDatesIn(tx: Tx, range: { from: Date; to: Date }): Promise<ProjectKeyDate[]> {
  const r = await sql<{ id: string; title: string; project_title: string; project_id: string; starts_at: Date; ends_at: Date | null }>`
    select d.id, d.title, p.title as project_title, p.id as project_id, d.starts_at, d.ends_at
    from public.project_dates d join public.projects p on p.id = d.project_id
    where d.starts_at < ${range.to} and coalesce(d.ends_at, d.starts_at) >= ${range.from}
      and p.status <> 'abandoned'
    order by d.starts_at, d.id`.execute(tx);
  return r.rows.map((d) => ({
    id: d.id,
    title: `${d.title} · ${d.project_title}`,
    startsAt: d.starts_at,
    ...(d.ends_at ? { endsAt: d.ends_at } : {}),
    url: `/projekte/${d.project_id}/arbeitsraum`,
  }));
}

/** The same as the signed-in user in its own read-only transaction. */
export async function projectKeyDates(user: SessionUser, range: { from: Date; to: Date }): Promise<ProjectKeyDate[]> {
  return asUserReadOnly(user, (tx) => projectKeyDatesIn(tx, range));
}
