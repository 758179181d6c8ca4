// What the /kalender page reads: the person's calendar for the days the asked view shows,
// filtered by kind and "nur meine" (query parameters, so the filters work without JavaScript
// and a filtered view can be bookmarked).
//
// Month, week and list views hold per day at most ENTRIES_PER_DAY entries (what a month cell shows
// at 1280 px) and each day's count: each source cuts its days in SQL (sources' loadDays), the page
// keeps the first ENTRIES_PER_DAY of each day over all sources (dayOrder) and sends the rest as a
// number, linked to the day view (?ansicht=tag&datum=…), which holds every entry of its one day.
// What is sent stays the same size however much a circle plans (decision 019, "Ninth sitting,
// branch kalender"). The feeds (feed.ts) are not cut: a subscription carries every entry.
import type { SessionUser } from "../auth/session";
import { asUserReadOnly } from "../db/request";
import { berlinMonthRange, berlinParts } from "~/utils/berlin-time";
import { DAY_PAGE_SIZE, DAY_PAGES_MAX, shiftDay, visibleDays } from "~/utils/calendar-range";
import { TRAINING_PAGE_SIZE } from "~/validation/trainings";
import { dayOrder, ENTRIES_PER_DAY, type DayEntry, type DayWindow } from "./entries";
import { calendarKinds, type CalendarKindInfo } from "./feed";
import { CALENDAR_SOURCES } from "./sources";
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
  /** The day the entry is listed under: the day it starts, or the first shown day for an entry
   *  that began before (a cover period running into the month). */
  day: string;
};

/** The view asked for with ?ansicht= (unknown values count as not asked). */
export type CalendarView = "monat" | "woche" | "liste" | "tag";

export type CalendarPage = {
  /** The shown date, "YYYY-MM-DD". */
  date: string;
  /** The asked view, or null (the browser picks month or list by the screen's width). */
  view: CalendarView | null;
  /** The days the entries cover, "YYYY-MM-DD" (to exclusive): the page reloads for a view outside them. */
  range: { from: string; to: string };
  kinds: CalendarKindInfo[];
  selected: string[];
  onlyMine: boolean;
  /** Per day at most ENTRIES_PER_DAY (the day view: all of its day), by day, then dayOrder. */
  entries: PageEntry[];
  /** Per day with more entries than sent: how many more ("2027-01-14": 12). */
  more: Record<string, number>;
  /** The day view's neighbours, and its page of the day's entries (DAY_PAGE_SIZE a page). */
  day: { previous: string; next: string; page: number; pageCount: number; total: number } | null;
  /** The circle's upcoming trainings in the shown month (the page lists only those that concern
   *  the person and links these to /fortbildungen?monat=…), counted up to OTHER_TRAININGS_CAP. */
  circleTrainings: { month: string; count: number; moreThan: boolean } | null;
};

/** "Mehr als 20 Fortbildungen im Kreis": counted up to the page /fortbildungen shows (was 200, read
 *  as 201 trainings at the bench's 10×; decision 019, "Ninth sitting, branch kalender"). */
export const OTHER_TRAININGS_CAP = TRAINING_PAGE_SIZE;

const VIEWS: CalendarView[] = ["monat", "woche", "liste", "tag"];

function parseDate(value: string | null, today: string): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return today;
  const d = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return today;
  const year = d.getUTCFullYear();
  return year < 2000 || year > 2100 ? today : value;
}

/** The days a view reads. Without an asked view the browser shows the month grid or (on a phone)
 *  the list from the date: both are read. */
function windowOf(view: CalendarView | null, date: string): { from: string; to: string } {
  if (view === "tag") return { from: date, to: shiftDay(date, 1) };
  if (view === "woche") return visibleDays("week", date);
  if (view === "liste") return visibleDays("agenda", date);
  const grid = visibleDays("month", date);
  if (view === "monat") return grid;
  const list = visibleDays("agenda", date);
  return { from: grid.from < list.from ? grid.from : list.from, to: grid.to > list.to ? grid.to : list.to };
}

/** ?seite= of the day view: 1 … DAY_PAGES_MAX (anything else: 1). */
function parsePage(value: string | null): number {
  const page = value && /^\d{1,3}$/.test(value) ? Number(value) : 1;
  return page >= 1 && page <= DAY_PAGES_MAX ? page : 1;
}

function toPageEntry({ entry: e, day }: DayEntry): PageEntry {
  return {
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
    day,
  };
}

export async function loadCalendarPage(user: SessionUser, url: URL, now: Date = new Date()): Promise<CalendarPage> {
  const today = berlinParts(now).date;
  const date = parseDate(url.searchParams.get("datum"), today);
  const asked = url.searchParams.get("ansicht");
  const view = VIEWS.find((v) => v === asked) ?? null;
  const kinds = calendarKinds();
  const known = new Set(kinds.map((k) => k.kind));
  const askedKinds = url.searchParams.getAll("art").filter((k) => known.has(k));
  const selected = askedKinds.length > 0 ? askedKinds : kinds.map((k) => k.kind);
  const onlyMine = url.searchParams.get("meine") === "1";
  const range = windowOf(view, date);
  // The day view reads each source's first entries of the day up to the end of the asked page
  // (in dayOrder, as the month cuts them) and the day's count: bounded however full the day is.
  const askedPage = view === "tag" ? parsePage(url.searchParams.get("seite")) : 1;
  const window: DayWindow = { ...range, onlyMine, ...(view === "tag" ? { perDay: DAY_PAGE_SIZE * askedPage } : {}) };
  const sources = CALENDAR_SOURCES.filter((s) => selected.includes(s.kind));
  const scope = { kind: "person", userId: user.id } as const;
  const month = date.slice(0, 7);

  const { cuts, circleCount } = await asUserReadOnly(user, async (tx) => {
    // Sources one after another: one connection, no parallel statements in a transaction.
    // The day view's one day holds every entry overlapping it (a cover period that began earlier
    // too: loadDays puts it on the window's first day).
    const cuts = [];
    for (const source of sources) cuts.push(await source.loadDays(tx, scope, window));
    const circleCount =
      selected.includes("training") && !onlyMine
        ? await countCircleTrainings(tx, scope, berlinMonthRange(month), OTHER_TRAININGS_CAP)
        : 0;
    return { cuts, circleCount };
  });

  // Each source gave its first ENTRIES_PER_DAY of each day; the day's first are among them.
  const byDay = new Map<string, DayEntry[]>();
  const counts = new Map<string, number>();
  for (const cut of cuts) {
    for (const e of cut.entries) {
      const list = byDay.get(e.day);
      if (list) list.push(e);
      else byDay.set(e.day, [e]);
    }
    for (const [day, n] of Object.entries(cut.counts)) counts.set(day, (counts.get(day) ?? 0) + n);
  }
  // A page past the day's last shows the last (what it needs was read: the asked page reads more).
  const total = counts.get(date) ?? 0;
  const pageCount = Math.min(Math.max(1, Math.ceil(total / DAY_PAGE_SIZE)), DAY_PAGES_MAX);
  const page = Math.min(askedPage, pageCount);

  const entries: PageEntry[] = [];
  const more: Record<string, number> = {};
  for (const day of [...byDay.keys()].sort()) {
    const sorted = byDay.get(day)!.sort(dayOrder);
    if (view === "tag") {
      entries.push(...sorted.slice((page - 1) * DAY_PAGE_SIZE, page * DAY_PAGE_SIZE).map(toPageEntry));
      continue;
    }
    const kept = sorted.slice(0, ENTRIES_PER_DAY);
    entries.push(...kept.map(toPageEntry));
    const rest = (counts.get(day) ?? 0) - kept.length;
    if (rest > 0) more[day] = rest;
  }
  const circleTrainings =
    circleCount > 0 ? { month, count: Math.min(circleCount, OTHER_TRAININGS_CAP), moreThan: circleCount > OTHER_TRAININGS_CAP } : null;
  const day = view === "tag" ? { previous: shiftDay(date, -1), next: shiftDay(date, 1), page, pageCount, total } : null;
  return { date, view, range, kinds, selected, onlyMine, entries, more, day, circleTrainings };
}
