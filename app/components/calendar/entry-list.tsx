// Every calendar entry as a plain list of links, by day: what screen readers and keyboards use
// first (react-big-calendar's grid is a picture of the same entries), and what the page shows
// before JavaScript runs.
import { Link } from "~/components/link";
import type { PageEntry } from "~/.server/calendar/page";

import { berlinParts } from "~/utils/berlin-time";
import { dayText, longDayText, timeText } from "~/utils/format";

function dayOf(entry: PageEntry): string {
  return entry.allDay ? entry.start : berlinParts(entry.start).date;
}

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

export function EntryList({ entries, labels, colors }: { entries: PageEntry[]; labels: Record<string, string>; colors: Record<string, string> }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Keine Termine in diesem Zeitraum.</p>;
  const days = new Map<string, PageEntry[]>();
  for (const e of entries) {
    const day = dayOf(e);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return (
    <ol className="space-y-4">
      {[...days.entries()].map(([day, list]) => (
        <li key={day}>
          <h3 className="text-sm font-semibold text-slate-900">{longDayText(dayDate(day))}</h3>
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
        </li>
      ))}
    </ol>
  );
}
