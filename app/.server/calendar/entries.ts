// One entry of the calendar (the /kalender page and the iCalendar feeds), whatever it comes from.
// Each kind of entry has one source module in ./sources that reads its rows as the signed-in
// person (or, for a Träger feed, as the admin who created it) inside the caller's transaction, so
// row-level security decides what a calendar holds. The page and the feeds never query a table
// themselves: they ask every registered source (./sources/index.ts) for the same range.
import { sql, type RawBuilder } from "kysely";
import { berlinParts } from "~/utils/berlin-time";
import type { Tx } from "../db/request";

/** Whose calendar: a person's, or a Träger's shared team calendar (no personal registrations). */
export type CalendarScope =
  | { kind: "person"; userId: string }
  | {
      kind: "traeger";
      /** The owner/admin who created the feed: the transaction runs with this person's rights. */
      userId: string;
      orgId: string;
    };

/**
 * [from, to): instants; whole-day entries overlap it by their Berlin calendar days. `others`: the
 * span in which the circle's trainings that do not concern the calendar are wanted too (by their
 * start; unset: none). A circle plans hundreds of trainings a month; the page shows what concerns
 * the person and links the rest to /fortbildungen, the feed carries the next eight weeks of them.
 */
export type CalendarRange = { from: Date; to: Date; others?: { from: Date; to: Date } };

export type CalendarEntry = {
  /** Stable for ever (the iCalendar UID): an update replaces the entry in calendar programs. */
  uid: string;
  /** The source's kind ("meeting", "training", …): filters and colours on the page. */
  kind: string;
  title: string;
  /** Timed entries: instants. Whole-day entries: Berlin days "YYYY-MM-DD", end exclusive. */
  start: Date | string;
  end: Date | string;
  allDay: boolean;
  /** The entry's page in the app ("/treffen/…"). */
  href: string;
  status: "confirmed" | "tentative" | "cancelled";
  /** iCalendar SEQUENCE: rises when time or place change and on cancellation. */
  sequence: number;
  /** Concerns the person directly (my RSVP, my registration, my Träger's cover): "nur meine". */
  mine: boolean;
  /** The person's own state, short ("Sie haben zugesagt", "Warteliste Platz 3"). */
  myState?: string | null;
  location?: string | null;
  /** Plain facts for the feed's DESCRIPTION (never free text others wrote about people). */
  details?: string[];
  /** Last change: the feed's DTSTAMP / LAST-MODIFIED and Last-Modified header. */
  updatedAt: Date;
};

/**
 * Berlin days [from, to) ("YYYY-MM-DD", to exclusive) of a view of /kalender, and whether only
 * what concerns the person directly is wanted ("nur meine", applied before the cut and the count).
 */
export type DayWindow = {
  from: string;
  to: string;
  onlyMine: boolean;
  /** How many of each day's first entries a source gives (default ENTRIES_PER_DAY; the day view
   *  asks for its pages so far: DAY_PAGE_SIZE × page). */
  perDay?: number;
};

/** An entry as a view of /kalender holds it: its day (the day it starts on, or the window's first
 *  day for one that began earlier) and the name it is ordered by within the day. */
export type DayEntry = { entry: CalendarEntry; day: string; sortTitle: string };

/** Per day of a window at most ENTRIES_PER_DAY entries (the first of the day, in dayOrder) and
 *  how many the day holds in all. */
export type DayCut = { entries: DayEntry[]; counts: Record<string, number> };

/** What a month cell shows at 1280 px (a phone shows fewer of the same). */
export const ENTRIES_PER_DAY = 3;


export type CalendarSource = {
  kind: string;
  /** German label of the kind: filter buttons and the list ("Treffen", "Fortbildungen"). */
  label: string;
  /** The entries of this kind overlapping the range, read inside the caller's transaction (the
   *  feeds, and /kalender's day view). */
  load: (tx: Tx, scope: CalendarScope, range: CalendarRange) => Promise<CalendarEntry[]>;
  /** /kalender's month, week and list views: the first ENTRIES_PER_DAY entries of each day of the
   *  window in dayOrder, and each day's count. The cut is made in SQL, so the details (names, the
   *  person's state) are read for the kept entries only. */
  loadDays: (tx: Tx, scope: CalendarScope, window: DayWindow) => Promise<DayCut>;
};

/**
 * The order within a day: whole-day entries first, then by start (a whole-day entry's first day, a
 * timed one's instant), then by name (byte order: SQL orders the same names `collate "C"`), then
 * by UID. Each source's SQL orders its rows the same way, so the first ENTRIES_PER_DAY of every
 * source together hold the day's first ENTRIES_PER_DAY.
 */
export function dayOrder(a: DayEntry, b: DayEntry): number {
  if (a.entry.allDay !== b.entry.allDay) return a.entry.allDay ? -1 : 1;
  const start = (e: CalendarEntry) => (typeof e.start === "string" ? e.start : e.start.toISOString());
  // Whole-day starts are "YYYY-MM-DD", timed ones ISO instants in UTC: both order as strings.
  return (
    compareBytes(start(a.entry), start(b.entry)) || compareBytes(a.sortTitle, b.sortTitle) || compareBytes(a.entry.uid, b.entry.uid)
  );
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SQL: the day of an entry starting at `start` (an instant, or a date for whole-day entries) in
 *  the window: its Berlin day, or the window's first day for one that began before. */
export function dayOf(start: RawBuilder<unknown>, window: DayWindow, allDay = false): RawBuilder<unknown> {
  return allDay
    ? sql`greatest(${start}, ${window.from}::date)`
    : sql`greatest((${start} at time zone 'Europe/Berlin')::date, ${window.from}::date)`;
}

/** The window's days with entries, cut to ENTRIES_PER_DAY, from a source's rows (day, n). */
export function dayCut<R extends { day: string; n: number }>(rows: R[], toEntry: (row: R) => DayEntry): DayCut {
  const counts: Record<string, number> = {};
  const entries = rows.map((row) => {
    counts[row.day] = row.n;
    return toEntry(row);
  });
  return { entries, counts };
}

/** The Berlin calendar day of an instant, "YYYY-MM-DD". */
export function berlinDate(at: Date): string {
  return berlinParts(at).date;
}

/** "2026-08-19" + 1 → "2026-08-20" (calendar days, no time zone involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A date column as "YYYY-MM-DD" (drivers return Date at UTC midnight or a string). */
export function dayString(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

