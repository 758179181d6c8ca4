// Which days a view of /kalender shows, so that the page reads only those (the server) and
// reloads when a view or date leaves what it read (the browser). Days are "YYYY-MM-DD".

/** Days the list view (BigCalendar's agenda, its `length`) shows from its date. */
export const LIST_DAYS = 30;

/** The day view (?ansicht=tag) lists a day's entries in pages of this many (a coordinator's busy
 *  day held 220 open cover periods at 10× the bench seed, all sent at once). */
export const DAY_PAGE_SIZE = 50;
/** The day view's last page (the sources read DAY_PAGE_SIZE × page entries of the day). */
export const DAY_PAGES_MAX = 20;

const DAY = 24 * 60 * 60 * 1000;

export function shiftDay(day: string, days: number): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of the day's week (the calendar's weeks start on Monday). */
function monday(day: string): string {
  return shiftDay(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The days a view shows around `day` ([from, to), to exclusive): a month grid its six weeks from
 *  the Monday of the 1st's week (react-big-calendar shows four to six of them), a week view the
 *  date's Monday to Sunday, the list its LIST_DAYS from the date. */
export function visibleDays(view: "month" | "week" | "agenda", day: string): { from: string; to: string } {
  if (view === "agenda") return { from: day, to: shiftDay(day, LIST_DAYS) };
  if (view === "week") return { from: monday(day), to: shiftDay(monday(day), 7) };
  const from = monday(`${day.slice(0, 7)}-01`);
  return { from, to: shiftDay(from, 42) };
}
