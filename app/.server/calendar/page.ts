// What the /kalender page reads: the person's calendar for the weeks around the shown date,
// filtered by kind and "nur meine" (query parameters, so the filters work without JavaScript
// and a filtered view can be bookmarked).
import type { SessionUser } from "../auth/session";
import { asUserReadOnly } from "../db/request";
import { berlinMonthRange, berlinParts, berlinToInstant } from "~/utils/berlin-time";
import { visibleDays } from "~/utils/calendar-range";
import { calendarKinds, loadEntries, type CalendarKindInfo } from "./feed";
import { countCircleTrainings } from "./sources/trainings";

export type PageEntry = {
  uid: string;
  kind: string;
  title: string;
  /** Timed: ISO instant. Whole-day: "YYYY-MM-DD" (end exclusive). */
  start: string;
  end: string;
  allDay: boolean;
  href: string;
  cancelled: boolean;
  mine: boolean;
  myState: string | null;
  location: string | null;
};

export type CalendarPage = {
  /** The shown date, "YYYY-MM-DD". */
  date: string;
  /** The days the entries cover, "YYYY-MM-DD" (to exclusive): the page reloads for a view outside them. */
  range: { from: string; to: string };
  /** Only the list view's 30 days were read (?ansicht=liste). */
  listOnly: boolean;
  kinds: CalendarKindInfo[];
  selected: string[];
  onlyMine: boolean;
  entries: PageEntry[];
  /** The circle's upcoming trainings in the shown month (the page lists only those that concern
   *  the person and links these to /fortbildungen?monat=…), counted up to OTHER_TRAININGS_CAP. */
  circleTrainings: { month: string; count: number; moreThan: boolean } | null;
};

export const OTHER_TRAININGS_CAP = 200;

const DAY = 24 * 60 * 60 * 1000;

function parseDate(value: string | null, today: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return today;
  const d = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return today;
  const year = d.getUTCFullYear();
  return year < 2000 || year > 2100 ? today : value;
}

export async function loadCalendarPage(user: SessionUser, url: URL, now: Date = new Date()): Promise<CalendarPage> {
  const today = berlinParts(now).date;
  const date = parseDate(url.searchParams.get("datum"), today);
  const kinds = calendarKinds();
  const known = new Set(kinds.map((k) => k.kind));
  const asked = url.searchParams.getAll("art").filter((k) => known.has(k));
  const selected = asked.length > 0 ? asked : kinds.map((k) => k.kind);
  const onlyMine = url.searchParams.get("meine") === "1";
  // The month of the date with a week on each side (the month grid), and the agenda's 30 days
  // from a day late in the month. The list view asked for by name shows only its 30 days (the
  // agenda's length in BigCalendar) from the date, midnight to midnight in Berlin: a coordinator's
  // month range can hold hundreds of cover periods, each sent twice (list markup and loader data).
  const listOnly = url.searchParams.get("ansicht") === "liste";
  const monthStart = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  const listEnd = visibleDays("agenda", date).to;
  const range = listOnly
    ? { from: berlinToInstant(date), to: berlinToInstant(listEnd) }
    : { from: new Date(monthStart.getTime() - 8 * DAY), to: new Date(monthStart.getTime() + 70 * DAY) };
  const scope = { kind: "person", userId: user.id } as const;
  const month = date.slice(0, 7);
  const { all, circleCount } = await asUserReadOnly(user, async (tx) => ({
    all: await loadEntries(tx, scope, range),
    circleCount:
      selected.includes("training") && !onlyMine
        ? await countCircleTrainings(tx, scope, berlinMonthRange(month), OTHER_TRAININGS_CAP)
        : 0,
  }));
  const entries = all
    .filter((e) => selected.includes(e.kind) && (!onlyMine || e.mine))
    .map((e): PageEntry => ({
      uid: e.uid,
      kind: e.kind,
      title: e.title,
      start: typeof e.start === "string" ? e.start : e.start.toISOString(),
      end: typeof e.end === "string" ? e.end : e.end.toISOString(),
      allDay: e.allDay,
      href: e.href,
      cancelled: e.status === "cancelled",
      mine: e.mine,
      myState: e.myState ?? null,
      location: e.location ?? null,
    }));
  const circleTrainings =
    circleCount > 0 ? { month, count: Math.min(circleCount, OTHER_TRAININGS_CAP), moreThan: circleCount > OTHER_TRAININGS_CAP } : null;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const days = listOnly ? { from: date, to: listEnd } : { from: day(range.from), to: day(range.to) };
  return { date, range: days, listOnly, kinds, selected, onlyMine, entries, circleTrainings };
}
