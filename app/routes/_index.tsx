// / — after sign-in the dashboard: my Träger and role, my circles, what is new there, open join
// requests for coordinators, unread notifications; every section real data. For visitors a short
// landing page that says what Trägerkreis is and where circles take new Träger.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadMeetingDashboard } from "~/.server/meetings/read";
import { MeetingsDashboardSection } from "~/components/meetings/dashboard-section";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { getSessionUser } from "~/.server/auth/session";
import { loadDashboard, NEW_IN_CIRCLE_DAYS } from "~/.server/circle/dashboard";
import { listPublicCircles, type PublicCircleSummary } from "~/.server/circle/public-page";
import { loadUpcomingTrainings } from "~/.server/trainings/list";
import { NextTrainings } from "~/components/trainings/next-trainings";
import { CoverDashboardSection } from "~/components/cover/dashboard-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ButtonLink } from "~/components/ui/button";
import { Badge, Card } from "~/components/ui/layout";
import { ROLE_LABELS } from "~/i18n/labels";
import { countLabel, formatDate, formatDateTime } from "~/utils/format";
import { paths } from "~/utils/links";

export const meta: MetaFunction = () => [
  { title: "Trägerkreis" },
  {
    name: "description",
    content: "Die Kooperationsplattform freier Träger der Kinder- und Jugendhilfe: zusammenarbeiten und eigenständig bleiben.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) {
    return { kind: "landing" as const, publicCircles: await listPublicCircles() };
  }
  const dashboard = await loadDashboard(user);
  const needsCircle = dashboard.memberships.length === 0 || dashboard.circles.length === 0;
  return {
    kind: "dashboard" as const,
    fullName: user.fullName,
    email: user.email,
    ...dashboard,
    newInCircleDays: NEW_IN_CIRCLE_DAYS,
    publicCircles: needsCircle ? await listPublicCircles() : [],
    upcomingTrainings: dashboard.circles.length > 0 ? await loadUpcomingTrainings(user, 3) : [],
    meetings: dashboard.circles.length > 0 ? await loadMeetingDashboard(user) : null,
  };
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export default function Index() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "landing") return <Landing publicCircles={data.publicCircles} />;
  return <Dashboard data={data} />;
}

type DashboardData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "dashboard" }>;

function Dashboard({ data }: { data: DashboardData }) {
  const { memberships, circles, newInCircle, newInCircleDays, openJoinRequests, unread, unreadCount, publicCircles } = data;
  const hasTraeger = memberships.length > 0;
  return (
    <div>
      <div className="mb-6">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">Guten Tag, {data.fullName}</h1>
        {circles.length > 0 ? (
          <p className="mt-1 text-slate-600">{circles.map((c) => c.name).join(" · ")}</p>
        ) : null}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[3fr_2fr] lg:items-start">
        <div className="space-y-6">
          {openJoinRequests && openJoinRequests.count > 0 ? <OpenJoinRequests data={openJoinRequests} /> : null}

          <CoverDashboardSection cover={data.cover} />

          {hasTraeger ? (
            <section aria-labelledby="meine-traeger">
              <h2 id="meine-traeger" className="mb-3 text-lg font-semibold text-slate-900">
                {memberships.length === 1 ? "Mein Träger" : "Meine Träger"}
              </h2>
              <ul className="space-y-3">
                {memberships.map((m) => (
                  <li key={m.orgId}>
                    <Card>
                      <div className="flex flex-wrap items-center gap-2">
                        <h3 className="text-lg font-semibold text-slate-900">
                          <Link to={paths.org(m.slug)} className="hover:underline">
                            {m.name}
                          </Link>
                        </h3>
                        <Badge tone="brand">{ROLE_LABELS[m.role]}</Badge>
                      </div>
                      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                        <li>
                          <Link to={paths.org(m.slug)} className={`${linkClass} inline-flex min-h-11 items-center`}>
                            Profil
                          </Link>
                        </li>
                        <li>
                          <Link to={paths.orgMembers(m.slug)} className={`${linkClass} inline-flex min-h-11 items-center`}>
                            Mitglieder
                          </Link>
                        </li>
                        {m.role === "owner" || m.role === "admin" ? (
                          <li>
                            <Link to={paths.orgSettings(m.slug)} className={`${linkClass} inline-flex min-h-11 items-center`}>
                              Einstellungen
                            </Link>
                          </li>
                        ) : null}
                      </ul>
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <NoTraeger email={data.email} />
          )}

          {circles.length > 0 ? <NextTrainings trainings={data.upcomingTrainings} /> : null}

          {data.meetings ? <MeetingsDashboardSection data={data.meetings} /> : null}

          {circles.length > 0 ? (
            <section aria-labelledby="neu-im-kreis">
              <h2 id="neu-im-kreis" className="mb-3 text-lg font-semibold text-slate-900">
                Neu im Kreis
              </h2>
              {newInCircle.length > 0 ? (
                <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
                  {newInCircle.map((t) => (
                    <li key={`${t.slug}-${t.circleName}`} className="flex flex-wrap items-baseline justify-between gap-x-3 p-4">
                      <Link to={paths.org(t.slug)} className={`${linkClass} inline-flex min-h-11 items-center`}>
                        {t.name}
                      </Link>
                      <span className="text-sm text-slate-600">
                        {t.city ? `${t.city} · ` : ""}dabei seit {formatDate(t.joinedAt)}
                        {circles.length > 1 ? ` · ${t.circleName}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">In den letzten {newInCircleDays} Tagen ist kein Träger dazugekommen.</p>
              )}
            </section>
          ) : null}
        </div>

        <div className="space-y-6">
          {unreadCount > 0 ? (
            <section aria-labelledby="ungelesen">
              <div className="mb-3 flex items-baseline justify-between gap-2">
                <h2 id="ungelesen" className="text-lg font-semibold text-slate-900">
                  Ungelesen <span className="font-normal text-slate-600">· {unreadCount}</span>
                </h2>
                <Link to={paths.notifications} className={`${linkClass} text-sm`}>
                  Alle anzeigen
                </Link>
              </div>
              <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white">
                {unread.map((n) => (
                  <li key={n.id}>
                    <Form method="post" action={paths.notifications}>
                      <input type="hidden" name="intent" value="open" />
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className="block min-h-11 w-full p-3 text-left hover:bg-slate-100">
                        <span className="block break-words font-medium text-slate-900">{n.title}</span>
                        <span className="block text-xs text-slate-600">{formatDateTime(n.createdAt)}</span>
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {openJoinRequests && openJoinRequests.count === 0 ? (
            <Card>
              <h2 className="font-semibold text-slate-900">Interessensmeldungen</h2>
              <p className="mt-1 text-sm text-slate-600">Keine offenen Meldungen.</p>
              <Link to={paths.joinRequests} className={`${linkClass} inline-flex min-h-11 items-center text-sm`}>
                Kreis verwalten
              </Link>
            </Card>
          ) : null}

          {circles.length > 0 ? (
            <section aria-labelledby="meine-kreise">
              <h2 id="meine-kreise" className="mb-3 text-lg font-semibold text-slate-900">
                {circles.length === 1 ? "Mein Kreis" : "Meine Kreise"}
              </h2>
              <ul className="space-y-3">
                {circles.map((c) => (
                  <li key={c.id}>
                    <Card>
                      <p className="font-semibold text-slate-900">{c.name}</p>
                      <p className="text-sm text-slate-600">
                        {countLabel(c.memberCount, "Träger")}
                        {c.coordinates ? " · Ihr Träger koordiniert" : ""}
                      </p>
                      <Link to={paths.directory} className={`${linkClass} inline-flex min-h-11 items-center text-sm`}>
                        Träger im Kreis ansehen
                      </Link>
                    </Card>
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <section aria-labelledby="kreis-finden">
              <h2 id="kreis-finden" className="mb-2 text-lg font-semibold text-slate-900">
                {hasTraeger ? "Einem Kreis beitreten" : "Kreise, die neue Träger suchen"}
              </h2>
              <p className="mb-3 text-sm text-slate-700">
                {hasTraeger
                  ? "Ihr Träger gehört noch keinem Kreis an. Melden Sie Interesse bei einem Kreis; seine Koordination nimmt Sie auf."
                  : "Ihr Träger möchte in einem Kreis mitmachen? Melden Sie Interesse; nimmt die Koordination Sie auf, werden Sie eingeladen, den Träger anzulegen."}
              </p>
              <PublicCircleList circles={publicCircles} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

function OpenJoinRequests({ data }: { data: NonNullable<DashboardData["openJoinRequests"]> }) {
  return (
    <section aria-labelledby="offene-meldungen" className="rounded-xl border border-amber-300 bg-amber-50 p-4 shadow-sm sm:p-6">
      <h2 id="offene-meldungen" className="text-lg font-semibold text-slate-900">
        Offene Interessensmeldungen <span className="font-normal">· {data.count}</span>
      </h2>
      <ul className="mt-2 space-y-1 text-sm text-slate-800">
        {data.oldest.map((r) => (
          <li key={`${r.orgName}-${r.createdAt}`}>
            <span className="font-medium">{r.orgName}</span>
            <span className="text-slate-600"> · gemeldet am {formatDate(r.createdAt)}</span>
          </li>
        ))}
      </ul>
      <ButtonLink to={paths.joinRequests} className="mt-4">
        {data.count === 1 ? "Meldung ansehen" : "Meldungen ansehen"}
      </ButtonLink>
    </section>
  );
}

function NoTraeger({ email }: { email: string }) {
  return (
    <section aria-labelledby="ohne-traeger">
      <h2 id="ohne-traeger" className="text-lg font-semibold text-slate-900">
        Sie gehören noch keinem Träger an
      </h2>
      <p className="mt-1 text-slate-700">Zwei Wege führen hinein:</p>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Card>
          <h3 className="font-semibold text-slate-900">Ihren Träger anlegen</h3>
          <p className="mt-1 text-sm text-slate-700">
            Ihr Träger ist noch nicht in Trägerkreis? Legen Sie ihn an. Sie werden Inhaber:in, pflegen das Profil und laden
            Kolleg:innen ein.
          </p>
          <ButtonLink to={paths.newOrg} className="mt-3 w-full">
            Träger anlegen
          </ButtonLink>
        </Card>
        <Card>
          <h3 className="font-semibold text-slate-900">Auf eine Einladung warten</h3>
          <p className="mt-1 text-sm text-slate-700">
            Ihr Träger ist schon dabei? Bitten Sie eine Administratorin oder einen Administrator, Sie mit{" "}
            <span className="break-all font-medium">{email}</span> einzuladen. Öffnen Sie dann den Link aus der
            Einladungs-E-Mail, während Sie hier angemeldet sind.
          </p>
        </Card>
      </div>
    </section>
  );
}

function PublicCircleList({ circles }: { circles: PublicCircleSummary[] }) {
  if (circles.length === 0) {
    return <p className="text-sm text-slate-600">Zurzeit nimmt kein Kreis über Trägerkreis neue Träger auf.</p>;
  }
  return (
    <ul className="space-y-3">
      {circles.map((c) => (
        <li key={c.slug}>
          <Card>
            <p className="font-semibold text-slate-900">{c.name}</p>
            <p className="text-sm text-slate-600">
              {c.region ? `${c.region} · ` : ""}
              {countLabel(c.memberCount, "Träger")}
            </p>
            <Link to={paths.publicCircle(c.slug)} className={`${linkClass} inline-flex min-h-11 items-center text-sm`}>
              Kreis ansehen und Interesse melden
            </Link>
          </Card>
        </li>
      ))}
    </ul>
  );
}

function Landing({ publicCircles }: { publicCircles: PublicCircleSummary[] }) {
  return (
    <div className="space-y-10">
      <section className="pt-4 sm:pt-10">
        <p className="text-sm font-semibold text-brand-700">Für freie Träger der Kinder- und Jugendhilfe</p>
        <h1 className="mt-2 max-w-2xl text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          Zusammenarbeiten und eigenständig bleiben.
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-700">
          Trägerkreis ist der gemeinsame Ort eines Kreises freier Träger: Wer bietet welche Hilfen wo an, wer ist
          Ansprechperson, wer möchte neu dazukommen. Jeder Träger entscheidet selbst, was er mit dem Kreis teilt.
        </p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <ButtonLink to={paths.signIn}>Anmelden</ButtonLink>
          <ButtonLink to={paths.signUp} variant="secondary">
            Registrieren
          </ButtonLink>
        </div>
      </section>

      <section aria-labelledby="fragen" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="fragen" className="text-lg font-semibold text-slate-900">
          Die Fragen, mit denen Träger sich zusammentun
        </h2>
        <ul className="mt-3 space-y-2 text-slate-800">
          <li>„Können wir uns in Notsituationen trägerübergreifend unterstützen und vertreten?“</li>
          <li>„Können wir für unsere Klienten und für unsere Mitarbeiter gemeinsame Fortbildungen organisieren?“</li>
          <li>„Können wir gemeinsam Projekte für Kinder und Jugendliche ins Leben rufen?“</li>
        </ul>
        <p className="mt-3 text-sm text-slate-600">
          „In Konkurrenz wollen die freien Träger mit ihren unterschiedlichen Konzepten bleiben“ – darum sind die Daten
          jedes Trägers privat, bis er sie bewusst mit dem Kreis teilt.
        </p>
      </section>

      <section aria-labelledby="kreise">
        <h2 id="kreise" className="mb-1 text-lg font-semibold text-slate-900">
          Kreise, die neue Träger suchen
        </h2>
        <p className="mb-3 text-sm text-slate-700">Interessierte Träger können sich hier melden, auch ohne Konto.</p>
        <PublicCircleList circles={publicCircles} />
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
