// The month, week and agenda views (react-big-calendar with the date-fns German localizer: weeks
// start on Monday, 24-hour times). Imported only by the /kalender route, so its JavaScript is in
// that route's chunk and no other page loads it.
//
// Its known gaps are closed here: every entry is rendered as a real link (reachable with Tab,
// opened with Enter; the library's own event boxes are not focusable), the month view shows all
// entries it is given instead of a "+n weitere" button that screen readers cannot reach, and the
// page carries the same entries as a plain list (EntryList) anyway. The server sends at most three
// entries a day and each day's count: a month cell and a list day with more say "+N weitere" from
// that count (not the library's count of the entries it has), as a link to the day view. The month and week grids are
// divs with ARIA table roles whose rows hold the entries outside any cell (axe: a critical
// aria-required-children violation) and an English "Month View" label; those roles are removed
// after each render, so assistive technology meets plain groups of links, headed by the toolbar;
// so is the week view's role="button" on event boxes that contain the link.

const GRID_ROLES =
  '[role="table"], [role="rowgroup"], [role="row"], [role="cell"], [role="columnheader"], [role="rowheader"], .rbc-event[role="button"]';

function stripGridRoles(root: HTMLElement) {
  for (const el of root.querySelectorAll<HTMLElement>(GRID_ROLES)) {
    // The agenda is a real <table>; only the div/span grids lose their roles.
    if (!el.closest("table")) {
      el.removeAttribute("role");
      el.removeAttribute("aria-label");
      el.removeAttribute("aria-sort");
      el.removeAttribute("aria-rowcount");
      el.removeAttribute("aria-colcount");
      // The week view's event boxes are buttons around our link (nested interactive controls);
      // the link inside is the control.
      if (el.classList.contains("rbc-event")) el.removeAttribute("tabindex");
    }
  }
}
import { Link } from "~/components/link";
import { format, getDay, parse, startOfWeek } from "date-fns";
import { de } from "date-fns/locale/de";
import { useEffect, useMemo, useRef } from "react";
import { Calendar, dateFnsLocalizer, type Formats, type View } from "react-big-calendar";
import type { PageEntry } from "~/.server/calendar/page";
import { moreText, whenText } from "./entry-list";
import { LIST_DAYS } from "~/utils/calendar-range";

const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date) => startOfWeek(date, { weekStartsOn: 1 }),
  getDay,
  locales: { de },
});

const range = ({ start, end }: { start: Date; end: Date }, culture?: string) =>
  `${localizer.format(start, "HH:mm", culture)}–${localizer.format(end, "HH:mm", culture)}`;

const formats: Formats = {
  timeGutterFormat: "HH:mm",
  eventTimeRangeFormat: range,
  agendaTimeRangeFormat: range,
  agendaTimeFormat: "HH:mm",
  agendaDateFormat: "EEE dd.MM.",
  dayFormat: "EEE dd.MM.",
  weekdayFormat: "EEEEEE",
  dateFormat: "d",
  monthHeaderFormat: "MMMM yyyy",
  dayHeaderFormat: "EEEE, d. MMMM yyyy",
  dayRangeHeaderFormat: ({ start, end }, culture) =>
    `${localizer.format(start, "d. MMM", culture)} – ${localizer.format(end, "d. MMM yyyy", culture)}`,
  agendaHeaderFormat: ({ start, end }, culture) =>
    `${localizer.format(start, "d. MMM", culture)} – ${localizer.format(end, "d. MMM yyyy", culture)}`,
};

const messages = {
  today: "Heute",
  previous: "Zurück",
  next: "Weiter",
  month: "Monat",
  week: "Woche",
  day: "Tag",
  agenda: "Liste",
  date: "Datum",
  time: "Zeit",
  event: "Termin",
  allDay: "ganztägig",
  noEventsInRange: "Keine Termine in diesem Zeitraum.",
  showMore: (count: number) => `+${count} weitere`,
};

type CalEvent = { entry: PageEntry; title: string; start: Date; end: Date; allDay: boolean };

function dayParam(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

function localDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!);
}

function toEvent(entry: PageEntry): CalEvent {
  return entry.allDay
    ? { entry, title: entry.title, start: localDay(entry.start), end: localDay(entry.end), allDay: true }
    : { entry, title: entry.title, start: new Date(entry.start), end: new Date(entry.end), allDay: false };
}

function accessibleName(entry: PageEntry, label: string): string {
  return [entry.title, label, whenText(entry), entry.myState].filter(Boolean).join(", ");
}

export function BigCalendar({
  entries,
  date,
  view,
  labels,
  colors,
  more,
  dayHref,
  onNavigate,
  onView,
}: {
  entries: PageEntry[];
  date: Date;
  view: View;
  labels: Record<string, string>;
  colors: Record<string, string>;
  /** Per day ("YYYY-MM-DD"): how many entries of the day the server did not send. */
  more: Record<string, number>;
  /** The day view of a day. */
  dayHref: (day: string) => string;
  onNavigate: (date: Date, view: View) => void;
  onView: (view: View) => void;
}) {
  const events = useMemo(() => entries.map(toEvent), [entries]);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    stripGridRoles(root);
    const observer = new MutationObserver(() => stripGridRoles(root));
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["role"] });
    return () => observer.disconnect();
  }, []);
  const EventLink = useMemo(
    () =>
      function EventLink({ event }: { event: CalEvent }) {
        const e = event.entry;
        return (
          <Link
            to={e.href}
            aria-label={accessibleName(e, labels[e.kind] ?? e.kind)}
            className={`block truncate rounded-sm focus:outline-2 focus:outline-offset-1 focus:outline-slate-900 ${e.cancelled ? "line-through" : ""}`}
            // The library's event box would handle the click a second time (onSelectEvent).
            onClick={(ev) => ev.stopPropagation()}
          >
            {e.mine ? "★ " : ""}
            {e.title}
          </Link>
        );
      },
    [labels],
  );
  // The day's number, and "+N weitere" to the day view where the day has more than was sent (its
  // name says which day: "+4 weitere am Mi., 16.12.").
  const DateHeader = useMemo(
    () =>
      function DateHeader({ label, date }: { label: string; date: Date }) {
        const day = dayParam(date);
        const n = more[day];
        return (
          <span className="tk-date-header">
            {n ? (
              <Link to={dayHref(day)} className="tk-more" aria-label={`+${moreText(n, day)}`} onClick={(ev) => ev.stopPropagation()}>
                +{n}
                <span className="tk-more-word"> weitere</span>
              </Link>
            ) : null}
            <span>{label}</span>
          </span>
        );
      },
    [more, dayHref],
  );
  const AgendaDate = useMemo(
    () =>
      function AgendaDate({ day, label }: { day: Date; label: string }) {
        const n = more[dayParam(day)];
        return (
          <>
            {label}
            {n ? (
              <Link to={dayHref(dayParam(day))} className="tk-more-agenda" aria-label={`+${moreText(n, dayParam(day))}`}>
                +{n} weitere
              </Link>
            ) : null}
          </>
        );
      },
    [more, dayHref],
  );
  return (
    <div ref={container} className="traegerkreis-calendar h-[640px] text-sm">
      <Calendar<CalEvent>
        localizer={localizer}
        culture="de"
        events={events}
        date={date}
        view={view}
        views={["month", "week", "agenda"]}
        length={LIST_DAYS}
        onNavigate={onNavigate}
        onView={onView}
        formats={formats}
        messages={messages}
        showAllEvents
        popup={false}
        scrollToTime={new Date(1970, 0, 1, 7, 0)}
        tooltipAccessor={(e) => accessibleName(e.entry, labels[e.entry.kind] ?? e.entry.kind)}
        // A click on the box around the link (its padding) follows the link too.
        onSelectEvent={(e, ev) => {
          const link = (ev.currentTarget as HTMLElement | null)?.querySelector("a");
          if (link) link.click();
          else window.location.assign(e.entry.href);
        }}
        eventPropGetter={(e) => ({
          className: `${e.entry.mine ? "tk-mine" : ""} ${e.entry.cancelled ? "tk-cancelled" : ""}`,
          style: { backgroundColor: colors[e.entry.kind] ?? "#334155", color: "#fff" },
        })}
        components={{ event: EventLink, agenda: { event: EventLink, date: AgendaDate }, month: { dateHeader: DateHeader } }}
      />
    </div>
  );
}
