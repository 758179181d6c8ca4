// The dashboard's block for meetings: the next Kooperationstreffen and the open action items the
// person's Träger owns (from approved minutes).
import { Link } from "~/components/link";
import { Card } from "~/components/ui/layout";
import { RSVP_LABELS, meetingWhen, shortDayText } from "~/i18n/meetings";

type Props = {
  next: {
    id: string;
    title: string;
    startsAt: Date | string;
    endsAt: Date | string;
    myAnswer: "zusage" | "vielleicht" | "absage" | null;
  } | null;
  actions: Array<{
    id: string;
    title: string;
    dueDate: Date | string | null;
    meetingTitle: string;
    ownerName: string | null;
  }>;
};

const linkClass =
  "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export function MeetingsDashboardSection({ data }: { data: Props }) {
  return (
    <section aria-labelledby="treffen-aufgaben" className="space-y-3">
      <h2
        id="treffen-aufgaben"
        className="text-lg font-semibold text-slate-900"
      >
        Treffen und Aufgaben
      </h2>
      <Card>
        {data.next ? (
          <p>
            Nächstes Treffen:{" "}
            <Link className={linkClass} to={`/treffen/${data.next.id}`}>
              {data.next.title}
            </Link>
            <span className="block text-sm text-slate-700">
              {meetingWhen(data.next.startsAt, data.next.endsAt)} ·{" "}
              {data.next.myAnswer
                ? `Sie: ${RSVP_LABELS[data.next.myAnswer]}`
                : "noch keine Rückmeldung"}
            </span>
          </p>
        ) : (
          <p className="text-slate-700">
            Kein Treffen geplant.{" "}
            <Link className={linkClass} to="/treffen">
              Zu den Treffen
            </Link>
          </p>
        )}
        <h3 className="mt-3 font-semibold text-slate-900">
          Offene Aufgaben Ihres Trägers
        </h3>
        {data.actions.length === 0 ? (
          <p className="text-sm text-slate-600">Keine.</p>
        ) : (
          <ul
            className="mt-1 space-y-1 text-sm"
            data-testid="dashboard-action-items"
          >
            {data.actions.map((a) => (
              <li key={a.id}>
                <Link className={linkClass} to="/treffen/aufgaben">
                  {a.title}
                </Link>
                {a.dueDate ? ` · fällig ${shortDayText(a.dueDate)}` : ""}
                {a.ownerName ? ` · ${a.ownerName}` : ""} · aus „{a.meetingTitle}
                “
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
