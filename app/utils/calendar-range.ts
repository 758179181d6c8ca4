// Which days a view of /kalender shows, so that the page reads only those (the server) and
// reloads when a view or date leaves what it read (the browser). Days are "YYYY-MM-DD".

/** Days the list view (BigCalendar's agenda, its `length`) shows from its date. */
export const LIST_DAYS = 30;

const DAY = 24 * 60 * 60 * 1000;

function shift(day: string, days: number): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The days a view shows around `day` ([from, to), to exclusive), generously: a month grid has up
 *  to six weeks from the week of the 1st, a week view the seven days around the date. */
export function visibleDays(view: "month" | "week" | "agenda", day: string): { from: string; to: string } {
  if (view === "agenda") return { from: day, to: shift(day, LIST_DAYS) };
  if (view === "week") return { from: shift(day, -7), to: shift(day, 8) };
  const first = `${day.slice(0, 7)}-01`;
  return { from: shift(first, -7), to: shift(first, 42) };
}
