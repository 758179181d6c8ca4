// /fortbildungen — Gemeinsame Fortbildungen of the user's circle(s). Three views in the URL
// (?ansicht=…): the circle's upcoming trainings with free seats, filtered by topic, audience,
// month and Gemeinde (a plain GET form: works without JavaScript, state in the URL, paginated);
// "Meine Anmeldungen" with each registration's state; "Von uns organisiert" (with drafts) for
// admins and coordinators.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import {
  loadMyRegistrations,
  loadOrganisedTrainings,
  loadTrainingList,
  loadTrainingMeta,
  type TrainingList,
} from "~/.server/trainings/list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TrainingCardView, registrationStateText, registrationTone } from "~/components/trainings/parts";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { AUDIENCE_LABELS, TRAINING_AUDIENCES, seatsCount } from "~/i18n/trainings";
import { countLabel } from "~/utils/format";
import { paths } from "~/utils/links";
import { parseTrainingFilters, type TrainingFilters, type TrainingView } from "~/validation/trainings";

export const meta: MetaFunction = () => [{ title: "Fortbildungen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseTrainingFilters(new URL(request.url).searchParams);
  const meta = await loadTrainingMeta(user);
  const view = filters.ansicht;
  const [list, mine, organised] = await Promise.all([
    view === "angebote" ? loadTrainingList(user, filters) : Promise.resolve(null),
    view === "meine" ? loadMyRegistrations(user) : Promise.resolve([]),
    view === "organisiert" ? loadOrganisedTrainings(user) : Promise.resolve([]),
  ]);
  return { filters, meta, list, mine, organised };
}

const selectClass =
  "mt-1 block w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 py-2.5 text-base text-slate-900 shadow-sm min-h-11 sm:px-3";
const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

function filterSearch(filters: TrainingFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.thema) search.set("thema", filters.thema);
  if (filters.zielgruppe) search.set("zielgruppe", filters.zielgruppe);
  if (filters.monat) search.set("monat", filters.monat);
  if (filters.gemeinde) search.set("gemeinde", filters.gemeinde);
  return search;
}

function href(search: URLSearchParams, changes: Record<string, string | null>) {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `${paths.trainings}?${query}` : paths.trainings;
}

export default function Trainings() {
  const { filters, meta, list, mine, organised } = useLoaderData<typeof loader>();
  const view = filters.ansicht;
  const count = (n: number) => (n ? ` (${n})` : "");
  const tabs: Array<{ view: TrainingView; label: string; short: string; show: boolean }> = [
    { view: "angebote", label: "Angebote im Kreis", short: "Angebote", show: true },
    { view: "meine", label: `Meine Anmeldungen${count(meta.myCount)}`, short: `Meine${count(meta.myCount)}`, show: true },
    {
      view: "organisiert",
      label: `Von uns organisiert${count(meta.organisedCount)}`,
      short: `Organisiert${count(meta.organisedCount)}`,
      show: meta.canOrganise || meta.organisedCount > 0,
    },
  ];

  return (
    <div>
      <PageHeader
        title="Fortbildungen"
        description="Gemeinsame Fortbildungen des Kreises – für Mitarbeitende und für Klient:innen."
        actions={meta.canOrganise ? <ButtonLink to={paths.newTraining}>Fortbildung anlegen</ButtonLink> : undefined}
      />
      <nav aria-label="Ansicht" className="-mx-4 mb-6 overflow-x-auto border-b border-slate-200 px-4">
        <ul className="flex min-w-max gap-1">
          {tabs
            .filter((t) => t.show)
            .map((t) => (
              <li key={t.view}>
                <Link
                  to={t.view === "angebote" ? paths.trainings : `${paths.trainings}?ansicht=${t.view}`}
                  aria-current={view === t.view ? "page" : undefined}
                  className={`-mb-px flex min-h-11 items-center border-b-2 px-3 text-sm font-semibold ${
                    view === t.view
                      ? "border-brand-700 text-brand-800"
                      : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                  }`}
                >
                  <span className="sm:hidden">{t.short}</span>
                  <span className="hidden sm:inline">{t.label}</span>
                </Link>
              </li>
            ))}
        </ul>
      </nav>

      {!meta.inCircle ? (
        <EmptyState title="Ihr Träger gehört noch keinem Kreis an.">
          Fortbildungen sieht, wer einem Kreis angehört. Sobald die Koordination eines Kreises Ihren Träger aufnimmt, finden
          Sie hier seine Angebote.{" "}
          <Link to={paths.home} className={linkClass}>
            Zur Übersicht
          </Link>
        </EmptyState>
      ) : view === "meine" ? (
        <MyRegistrations registrations={mine} />
      ) : view === "organisiert" ? (
        <Organised trainings={organised} canOrganise={meta.canOrganise} />
      ) : list ? (
        <Offers filters={filters} list={list} />
      ) : null}
    </div>
  );
}

function Offers({ filters, list }: { filters: TrainingFilters; list: TrainingList }) {
  const navigation = useNavigation();
  const search = filterSearch(filters);
  const filtering = search.toString() !== "";
  const kreise = [...new Set(list.gemeinden.map((g) => g.kreis))];
  return (
    <>
      <Form method="get" role="search" aria-label="Fortbildungen filtern" className="mb-6 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
        <div key={search.toString()} className="grid grid-cols-2 gap-x-2 gap-y-3 sm:gap-3 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
          <div>
            <label htmlFor="filter-thema" className="block text-sm font-medium text-slate-800">
              Thema
            </label>
            <select id="filter-thema" name="thema" defaultValue={filters.thema ?? ""} className={selectClass}>
              <option value="">Alle</option>
              {list.topics.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-zielgruppe" className="block text-sm font-medium text-slate-800">
              Zielgruppe
            </label>
            <select id="filter-zielgruppe" name="zielgruppe" defaultValue={filters.zielgruppe ?? ""} className={selectClass}>
              <option value="">Alle</option>
              {TRAINING_AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {AUDIENCE_LABELS[a]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-monat" className="block text-sm font-medium text-slate-800">
              Monat
            </label>
            <select id="filter-monat" name="monat" defaultValue={filters.monat ?? ""} className={selectClass}>
              <option value="">Alle</option>
              {list.months.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-gemeinde" className="block text-sm font-medium text-slate-800">
              Gemeinde
            </label>
            <select id="filter-gemeinde" name="gemeinde" defaultValue={filters.gemeinde ?? ""} className={selectClass}>
              <option value="">Alle</option>
              {kreise.map((kreis) => (
                <optgroup key={kreis} label={kreis === "Kreisfreie Stadt" ? "Kreisfreie Städte" : kreis}>
                  {list.gemeinden
                    .filter((g) => g.kreis === kreis)
                    .map((g) => (
                      <option key={g.code} value={g.code}>
                        {g.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="col-span-2 flex gap-2 lg:col-span-1">
            <Button type="submit" className="flex-1 lg:flex-none">
              Filtern
            </Button>
            {filtering ? (
              <ButtonLink to={paths.trainings} variant="secondary" className="flex-1 lg:flex-none">
                Zurücksetzen
              </ButtonLink>
            ) : null}
          </div>
        </div>
      </Form>

      <p className="mb-3 text-sm font-semibold text-slate-700" role="status" aria-live="polite">
        {navigation.state === "loading" && navigation.location?.pathname === paths.trainings
          ? "Wird geladen …"
          : `${countLabel(list.total, "Fortbildung", "Fortbildungen")}${filtering ? " gefunden" : " geplant"}`}
      </p>

      {list.entries.length === 0 ? (
        filtering ? (
          <EmptyState title="Keine Fortbildung passt zu diesen Filtern.">
            <Link to={paths.trainings} className={linkClass}>
              Alle Fortbildungen anzeigen
            </Link>
          </EmptyState>
        ) : list.page > 1 ? (
          <EmptyState title="Auf dieser Seite sind keine Fortbildungen.">
            <Link to={paths.trainings} className={linkClass}>
              Zur ersten Seite
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="Zurzeit ist keine Fortbildung geplant.">
            Organisieren Sie eine für den Kreis – Admins und Koordinator:innen eines Trägers können Fortbildungen anlegen.
          </EmptyState>
        )
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {list.entries.map((t) => (
            <li key={t.id}>
              <TrainingCardView training={t}>
                {t.mine ? (
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-800">Sie:</span>
                    <Badge tone={registrationTone(t.mine.status)}>{registrationStateText(t.mine)}</Badge>
                  </p>
                ) : null}
              </TrainingCardView>
            </li>
          ))}
        </ul>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label="Seiten" className="mt-6 flex items-center justify-between gap-2">
          {list.page > 1 ? (
            <ButtonLink to={href(search, { seite: list.page - 1 > 1 ? String(list.page - 1) : null })} variant="secondary">
              Vorherige Seite
            </ButtonLink>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">
            Seite {list.page} von {list.pageCount}
          </span>
          {list.page < list.pageCount ? (
            <ButtonLink to={href(search, { seite: String(list.page + 1) })} variant="secondary">
              Nächste Seite
            </ButtonLink>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function MyRegistrations({ registrations }: { registrations: LoaderData["mine"] }) {
  if (registrations.length === 0) {
    return (
      <EmptyState title="Sie sind zu keiner Fortbildung angemeldet.">
        <Link to={paths.trainings} className={linkClass}>
          Angebote im Kreis ansehen
        </Link>
      </EmptyState>
    );
  }
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {registrations.map((r) => (
        <li key={r.id}>
          <TrainingCardView training={r.training}>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-800">
                {r.clientSeats ? `${seatsCount(r.seats)} für Klient:innen (${r.orgName})` : "Ihre Anmeldung"}:
              </span>
              <Badge tone={registrationTone(r.status)}>{registrationStateText(r)}</Badge>
            </p>
            {r.certificate ? (
              <a href={paths.trainingCertificate(r.training.id)} className={`${linkClass} relative inline-flex min-h-11 items-center`} download>
                Teilnahmebescheinigung (PDF)
              </a>
            ) : null}
          </TrainingCardView>
        </li>
      ))}
    </ul>
  );
}

function Organised({ trainings, canOrganise }: { trainings: LoaderData["organised"]; canOrganise: boolean }) {
  if (trainings.length === 0) {
    return (
      <EmptyState title="Ihr Träger organisiert zurzeit keine Fortbildung.">
        {canOrganise ? (
          <Link to={paths.newTraining} className={linkClass}>
            Fortbildung anlegen
          </Link>
        ) : null}
      </EmptyState>
    );
  }
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      {trainings.map((t) => (
        <li key={t.id}>
          <TrainingCardView training={t}>
            {t.status === "published" ? (
              <p className="text-slate-700">
                {countLabel(t.seatsTaken, "Platz", "Plätze")} vergeben
                {t.pendingApprovals ? ` · ${t.pendingApprovals} warten auf Freigabe` : ""}
                {t.offered ? ` · ${t.offered} angeboten` : ""}
              </p>
            ) : t.status === "draft" ? (
              <p className="text-slate-700">Entwurf – nur Ihr Träger sieht ihn. Veröffentlichen Sie ihn auf der Seite der Fortbildung.</p>
            ) : null}
          </TrainingCardView>
        </li>
      ))}
    </ul>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
