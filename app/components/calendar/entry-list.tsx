// Every calendar entry as a plain list of links, by day: what screen readers and keyboards use
// first (react-big-calendar's grid is a picture of the same entries), and what the page shows
// before JavaScript runs.
import { Link } from "@remix-run/react";
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
          <ul className="mt-1 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {list.map((e) => (
              <li key={e.uid} className="flex gap-3 px-3 py-2">
                <span aria-hidden="true" className="mt-1.5 size-2.5 shrink-0 rounded-full" style={{ backgroundColor: colors[e.kind] ?? "#475569" }} />
                <div className="min-w-0">
                  <Link to={e.href} className={`font-medium text-brand-800 underline-offset-2 hover:underline ${e.cancelled ? "line-through" : ""}`}>
                    {e.mine ? <span aria-hidden="true">★ </span> : null}
                    {e.title}
                  </Link>
                  <p className="text-xs text-slate-600">
                    {labels[e.kind] ?? e.kind} · {whenText(e)}
                    {e.location ? ` · ${e.location}` : ""}
                  </p>
                  {e.myState ? (
                    <p className={`text-xs ${e.mine ? "font-semibold text-brand-900" : "text-slate-600"}`}>{e.myState}</p>
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
