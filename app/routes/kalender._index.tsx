// /kalender — one calendar of what concerns the person: the circle's meetings (with the own
// answer), trainings (own registration highlighted), the periods of the own Träger's cover
// requests and of covers it gives, poll deadlines and action items due. Month, week and agenda
// views (agenda on phones), filters by kind and "nur meine" as query parameters, and every entry
// also as a plain list of links below. These views hold up to three entries a day; a day with
// more links "+N weitere" to the day view (?ansicht=tag&datum=…), a plain list of every entry of
// the day (50 a page, ?seite=) with the previous and next day. The calendar component renders after hydration only:
// the view depends on the screen width, and "today" differs between the server and the browser.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { Link } from "~/components/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { View } from "react-big-calendar";
import rbcStyles from "react-big-calendar/lib/css/react-big-calendar.css?url";
import { requireUser } from "~/.server/auth/session";
import { loadCalendarPage } from "~/.server/calendar/page";
import calendarStyles from "~/components/calendar/calendar.css?url";
import { BigCalendar } from "~/components/calendar/big-calendar";
import { EntryList } from "~/components/calendar/entry-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/layout";
import { Pagination } from "~/components/ui/pagination";
import { DAY_PAGE_SIZE, LIST_DAYS, visibleDays } from "~/utils/calendar-range";
import { longDayText, monthText, weekdayDateText } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Kalender · Trägerkreis" }];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: rbcStyles },
  { rel: "stylesheet", href: calendarStyles },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadCalendarPage(user, new URL(request.url));
}

// One colour per kind, in the sources' order; white text on each has a contrast of at least 4.5:1.
const PALETTE = ["#1d4ed8", "#047857", "#b45309", "#7e22ce", "#be123c", "#0f766e", "#4338ca"];

const VIEWS: Record<string, View> = { monat: "month", woche: "week", liste: "agenda" };
const VIEW_PARAM: Partial<Record<View, string>> = { month: "monat", week: "woche", agenda: "liste" };

function localDay(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!);
}

function dayParam(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

export default function CalendarPage() {
  const data = useLoaderData<typeof loader>();
  const location = useLocation();
  const form = useRef<HTMLFormElement>(null);
  const labels = Object.fromEntries(data.kinds.map((k) => [k.kind, k.label]));
  const colors = Object.fromEntries(data.kinds.map((k, i) => [k.kind, PALETTE[i % PALETTE.length]!]));
  const askedView = data.view ?? "";
  const [view, setView] = useState<View | null>(null);
  const [date, setDate] = useState(() => localDay(data.date));
  // The same address with another date and view, the filters kept.
  const viewHref = useCallback(
    (day: string, ansicht: string) => {
      const params = new URLSearchParams(location.search);
      params.set("datum", day);
      params.set("ansicht", ansicht);
      params.delete("seite");
      return `${location.pathname}?${params}`;
    },
    [location.pathname, location.search],
  );
  // The day view's pages: the same day and filters.
  const dayPageHref = useCallback(
    (page: number) => {
      const params = new URLSearchParams(location.search);
      if (page > 1) params.set("seite", String(page));
      else params.delete("seite");
      return `${location.pathname}?${params}`;
    },
    [location.pathname, location.search],
  );
  const dayHref = useCallback((day: string) => viewHref(day, "tag"), [viewHref]);
  const shownDays =
    data.view === "liste"
      ? `Die ${LIST_DAYS} Tage ab dem gezeigten Tag`
      : data.view === "woche"
        ? "Die gezeigte Woche"
        : "Die Wochen des gezeigten Monats";

  useEffect(() => {
    setView(VIEWS[askedView] ?? (window.matchMedia("(max-width: 639px)").matches ? "agenda" : "month"));
    // Only on the first render: later changes come from the calendar's own buttons.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => setDate(localDay(data.date)), [data.date]);

  // The shown date and view live in the filter form's hidden fields: a view or date showing days
  // outside the loaded ones submits the form (the loader reads the new range); otherwise only the
  // address changes, so a reload shows the same place. (Plain DOM and the form keep the shared JS
  // of other pages free of router hooks only this page would use.)
  function remember(newDate: Date, newView: View) {
    const f = form.current;
    if (!f) return;
    (f.elements.namedItem("datum") as HTMLInputElement).value = dayParam(newDate);
    (f.elements.namedItem("ansicht") as HTMLInputElement).value = VIEW_PARAM[newView] ?? "";
    const shown = visibleDays(newView === "week" || newView === "agenda" ? newView : "month", dayParam(newDate));
    if (shown.from < data.range.from || shown.to > data.range.to) {
      f.requestSubmit();
    } else {
      const params = new URLSearchParams(window.location.search);
      params.set("datum", dayParam(newDate));
      params.set("ansicht", VIEW_PARAM[newView] ?? "");
      window.history.replaceState(window.history.state, "", `${window.location.pathname}?${params}`);
    }
  }

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title="Kalender"
        description="Treffen, Fortbildungen, Vertretungen, Terminumfragen und Aufgaben, die Sie betreffen."
        actions={
          <Link to="/konto#kalender-abonnieren" className="text-sm font-medium text-brand-800 underline underline-offset-2">
            In Outlook, Google oder auf dem iPhone abonnieren
          </Link>
        }
      />

      <Form
        ref={form}
        method="get"
        replace
        preventScrollReset
        className="space-y-3"
        onChange={(e) => e.currentTarget.requestSubmit()}
      >
        <input type="hidden" name="datum" defaultValue={data.date} />
        <input type="hidden" name="ansicht" defaultValue={askedView} />
        <fieldset>
          <legend className="text-sm font-semibold text-slate-900">Anzeigen</legend>
          <div className="mt-2 flex flex-wrap gap-2">
            {data.kinds.map((k) => (
              <label key={k.kind} className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm">
                <input type="checkbox" name="art" value={k.kind} defaultChecked={data.selected.includes(k.kind)} className="size-4" />
                <span aria-hidden="true" className="size-2.5 rounded-full" style={{ backgroundColor: colors[k.kind] }} />
                {k.label}
              </label>
            ))}
            <label className="flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium">
              <input type="checkbox" name="meine" value="1" defaultChecked={data.onlyMine} className="size-4" />
              Nur meine
            </label>
          </div>
        </fieldset>
        <noscript>
          <Button type="submit" variant="secondary">
            Filter anwenden
          </Button>
        </noscript>
      </Form>

      {data.circleTrainings ? (
        <p className="text-sm text-slate-700">
          Fortbildungen stehen im Kalender, wenn Sie angemeldet sind oder Ihr Träger sie (mit) organisiert.{" "}
          <Link
            to={`/fortbildungen?monat=${data.circleTrainings.month}`}
            className="font-medium text-brand-800 underline underline-offset-2"
          >
            {data.circleTrainings.moreThan ? "Mehr als " : "Alle "}
            {data.circleTrainings.count} {data.circleTrainings.count === 1 ? "Fortbildung" : "Fortbildungen"} im Kreis im{" "}
            {monthText(data.circleTrainings.month)}
          </Link>
        </p>
      ) : null}

      {data.day ? (
        <section aria-labelledby="kalender-tag" className="space-y-3">
          <h2 id="kalender-tag" className="text-lg font-semibold text-slate-900">
            {longDayText(new Date(`${data.date}T12:00:00Z`))}
          </h2>
          <nav aria-label="Tage" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm font-medium">
            <Link to={viewHref(data.day.previous, "tag")} className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2">
              <span aria-hidden="true">←&nbsp;</span>
              {weekdayDateText(data.day.previous).slice(0, -4)}
            </Link>
            <Link to={viewHref(data.date, "monat")} className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2">
              Zum Monat {monthText(data.date.slice(0, 7))}
            </Link>
            <Link to={viewHref(data.day.next, "tag")} className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2">
              {weekdayDateText(data.day.next).slice(0, -4)}
              <span aria-hidden="true">&nbsp;→</span>
            </Link>
          </nav>
          <p className="text-sm text-slate-600">
            {data.day.total === 0
              ? "An diesem Tag steht nichts im Kalender."
              : data.day.total === 1
                ? "Ein Termin an diesem Tag."
                : data.day.pageCount > 1
                  ? `${data.day.total} Termine an diesem Tag, ${DAY_PAGE_SIZE} je Seite.`
                  : `${data.day.total} Termine an diesem Tag.`}{" "}
            ★ markiert, was Sie persönlich betrifft.
          </p>
          <EntryList entries={data.entries} labels={labels} colors={colors} dayHeadings={false} />
          <Pagination page={data.day.page} pageCount={data.day.pageCount} href={dayPageHref} />
          {data.day.page === data.day.pageCount && data.day.total > data.day.pageCount * DAY_PAGE_SIZE ? (
            <p className="text-sm text-slate-600">
              Die übrigen {data.day.total - data.day.pageCount * DAY_PAGE_SIZE} Termine dieses Tages zeigt der Kalender nicht
              einzeln. Engen Sie die Auswahl mit „Nur meine“ oder den Arten oben ein.
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <Card className="p-2 sm:p-4">
            <h2 className="sr-only">Kalenderansicht</h2>
            {view ? (
              <BigCalendar
                entries={data.entries}
                date={date}
                view={view}
                labels={labels}
                colors={colors}
                more={data.more}
                dayHref={dayHref}
                onNavigate={(next, nextView) => {
                  setDate(next);
                  remember(next, nextView);
                }}
                onView={(next) => {
                  setView(next);
                  remember(date, next);
                }}
              />
            ) : (
              <p className="p-4 text-sm text-slate-600">Die Kalenderansicht wird geladen … Alle Termine stehen auch in der Liste unten.</p>
            )}
          </Card>

          <section aria-labelledby="kalender-liste" className="space-y-3">
            <h2 id="kalender-liste" className="text-lg font-semibold text-slate-900">
              Alle Termine als Liste
            </h2>
            <p className="text-sm text-slate-600">
              {shownDays}, je Tag bis zu drei Termine; die übrigen zeigt die Tagesansicht. ★ markiert, was Sie persönlich
              betrifft.
            </p>
            <EntryList entries={data.entries} labels={labels} colors={colors} more={data.more} dayHref={dayHref} />
          </section>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
