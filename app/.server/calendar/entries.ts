// One entry of the calendar (the /kalender page and the iCalendar feeds), whatever it comes from.
// Each kind of entry has one source module in ./sources that reads its rows as the signed-in
// person (or, for a Träger feed, as the admin who created it) inside the caller's transaction, so
// row-level security decides what a calendar holds. The page and the feeds never query a table
// themselves: they ask every registered source (./sources/index.ts) for the same range.
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

export type CalendarSource = {
  kind: string;
  /** German label of the kind: filter buttons and the list ("Treffen", "Fortbildungen"). */
  label: string;
  /** The entries of this kind overlapping the range, read inside the caller's transaction. */
  load: (tx: Tx, scope: CalendarScope, range: CalendarRange) => Promise<CalendarEntry[]>;
};

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

