// /treffen — the circle's Kooperationstreffen: the next ones (or, with ?ansicht=vergangen, the
// past ones with their minutes), the open date polls, and the ways to plan.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { listMeetings } from "~/.server/meetings/read";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ButtonLink } from "~/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { TabNav } from "~/components/ui/tab-nav";
import {
  MINUTES_STATUS_LABELS,
  RSVP_LABELS,
  meetingWhen,
  rsvpLine,
  shortDayText,
  whereText,
} from "~/i18n/meetings";

export const meta: MetaFunction = () => [{ title: "Treffen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const past = new URL(request.url).searchParams.get("ansicht") === "vergangen";
  return { past, ...(await listMeetings(user, past)) };
}

export default function Meetings() {
  const { past, meetings, polls, canPlan, inCircle } =
    useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        title="Kooperationstreffen"
        description="Termine finden, einladen, Tagesordnung, Protokoll, Beschlüsse und Aufgaben des Kreises."
        actions={
          canPlan ? (
            <div className="flex flex-wrap gap-2">
              <ButtonLink to="/treffen/neu">Treffen planen</ButtonLink>
              <ButtonLink to="/treffen/umfragen/neu" variant="secondary">
                Terminumfrage starten
              </ButtonLink>
            </div>
          ) : null
        }
      />
      <nav
        aria-label="Weitere Seiten der Treffen"
        className="flex flex-wrap gap-x-4 gap-y-1 text-sm"
      >
        <Link
          className="font-semibold text-brand-800 underline underline-offset-2"
          to="/treffen/beschluesse"
        >
          Beschlüsse
        </Link>
        <Link
          className="font-semibold text-brand-800 underline underline-offset-2"
          to="/treffen/aufgaben"
        >
          Aufgaben
        </Link>
      </nav>
      {!inCircle ? (
        <EmptyState title="Noch in keinem Kreis">
          Sobald Ihr Träger zu einem Kreis gehört, sehen Sie hier dessen
          Treffen.
        </EmptyState>
      ) : null}
      {polls.length > 0 && !past ? (
        <section aria-labelledby="umfragen" className="space-y-2">
          <h2 id="umfragen" className="text-lg font-semibold text-slate-900">
            Offene Terminumfragen
          </h2>
          <ul className="space-y-2">
            {polls.map((p) => (
              <li key={p.id}>
                <Card
                  as="div"
                  className="flex flex-wrap items-center justify-between gap-2"
                >
                  <div>
                    <Link
                      to={`/treffen/umfragen/${p.id}`}
                      className="font-semibold text-brand-800 underline underline-offset-2"
                    >
                      {p.title}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {p.hostName} · {p.options} Terminvorschläge
                      {p.deadline ? ` · bis ${shortDayText(p.deadline)}` : ""}
                    </p>
                  </div>
                  {p.voted ? (
                    <Badge tone="green">abgestimmt</Badge>
                  ) : (
                    <Badge tone="amber">noch nicht abgestimmt</Badge>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <TabNav
        heading
        label="Treffen"
        items={[
          { to: "/treffen", label: "Kommende", current: !past },
          {
            to: "/treffen?ansicht=vergangen",
            label: "Vergangene",
            current: past,
          },
        ]}
      />
      {meetings.length === 0 ? (
        <EmptyState
          title={
            past ? "Noch keine vergangenen Treffen" : "Kein Treffen geplant"
          }
        >
          {canPlan && !past
            ? "Planen Sie das nächste Treffen oder starten Sie eine Terminumfrage."
            : null}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {meetings.map((m) => (
            <li key={m.id}>
              <article className="card space-y-1">
                <h3 className="card-title">
                  <Link to={`/treffen/${m.id}`} className="link">
                    {m.title}
                  </Link>
                </h3>
                <p className="text-slate-800">
                  {meetingWhen(m.startsAt, m.endsAt)}
                </p>
                <p className="meta">{`${whereText(m)} · eingeladen von ${m.hostName}`}</p>
                <p className="body-sm">
                  {rsvpLine(m, m.orgsComing)}
                </p>
                <div className="flex flex-wrap gap-2 pt-1">
                  {m.status === "cancelled" ? (
                    <Badge tone="red">abgesagt</Badge>
                  ) : null}
                  {m.myAnswer ? (
                    <Badge tone={m.myAnswer === "zusage" ? "green" : "slate"}>
                      {`Sie: ${RSVP_LABELS[m.myAnswer]}`}
                    </Badge>
                  ) : null}
                  {m.minutesStatus ? (
                    <Badge tone="brand">
                      {`Protokoll: ${MINUTES_STATUS_LABELS[m.minutesStatus]}`}
                    </Badge>
                  ) : null}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
