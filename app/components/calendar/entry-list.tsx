// Every calendar entry the page holds as a plain list of links, by day: what screen readers and
// keyboards use first (react-big-calendar's grid is a picture of the same entries), and what the
// page shows before JavaScript runs. A day with more entries than the page holds ends with
// "N weitere am Do., 14.01.", a link to that day's view.
import { Link } from "~/components/link";
import type { PageEntry } from "~/.server/calendar/page";

import { dayText, longDayText, timeText, weekdayDateText } from "~/utils/format";

function dayDate(day: string): Date {
  return new Date(`${day}T12:00:00Z`);
}

export function whenText(entry: PageEntry): string {
  if (entry.allDay) {
    const last = new Date(`${entry.end}T12:00:00Z`);
    last.setUTCDate(last.getUTCDate() - 1);
    const lastDay = last.toISOString().slice(0, 10);
    return lastDay === entry.start ? "ganztägig" : `ganztägig bis ${dayText(lastDay)}`;
  }
  return `${timeText(entry.start)}–${timeText(entry.end)} Uhr`;
}

/** "12 weitere am Do., 14.01." */
export function moreText(n: number, day: string): string {
  return `${n} weitere am ${weekdayDateText(day).slice(0, -4)}`;
}

export function EntryList({
  entries,
  labels,
  colors,
  more = {},
  dayHref,
  dayHeadings = true,
}: {
  entries: PageEntry[];
  labels: Record<string, string>;
  colors: Record<string, string>;
  /** Per day: how many entries of the day the page does not hold. */
  more?: Record<string, number>;
  dayHref?: (day: string) => string;
  /** Off in the day view (its heading names the day). */
  dayHeadings?: boolean;
}) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Keine Termine in diesem Zeitraum.</p>;
  const days = new Map<string, PageEntry[]>();
  for (const e of entries) days.set(e.day, [...(days.get(e.day) ?? []), e]);
  return (
    <ol className="space-y-4">
      {[...days.entries()].map(([day, list]) => (
        <li key={day}>
          {dayHeadings ? <h3 className="text-sm font-semibold text-slate-900">{longDayText(dayDate(day))}</h3> : null}
          {/* .day-list, .dot, .entry-link, .meta-xs: app/tailwind.css (short classes: a list of many entries). */}
          <ul className="day-list">
            {list.map((e) => (
              <li key={e.uid}>
                <span aria-hidden="true" className="dot mt-1.5" style={{ backgroundColor: colors[e.kind] ?? "#475569" }} />
                <div className="min-w-0">
                  <Link to={e.href} className={e.cancelled ? "entry-link line-through" : "entry-link"}>
                    {e.mine ? <span aria-hidden="true">★ </span> : null}
                    {e.title}
                  </Link>
                  <p className="meta-xs">{`${labels[e.kind] ?? e.kind} · ${whenText(e)}${e.location ? ` · ${e.location}` : ""}`}</p>
                  {e.myState ? (
                    <p className={e.mine ? "text-xs font-semibold text-brand-900" : "meta-xs"}>{e.myState}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
          {more[day] && dayHref ? (
            <p className="mt-1 px-3 text-sm">
              <Link to={dayHref(day)} className="font-medium text-brand-800 underline underline-offset-2">
                {moreText(more[day]!, day)}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
