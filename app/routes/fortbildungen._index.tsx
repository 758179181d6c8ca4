// /fortbildungen — Gemeinsame Fortbildungen of the user's circle(s). Three views in the URL
// (?ansicht=…): the circle's upcoming trainings with free seats, filtered by topic, audience,
// month and Gemeinde (a plain GET form: works without JavaScript, state in the URL, paginated);
// "Meine Anmeldungen" with each registration's state; "Von uns organisiert" (with drafts) for
// admins and coordinators.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { asUserReadOnly } from "~/.server/db/request";
import {
  readMyRegistrations,
  readOrganisedTrainings,
  readTrainingList,
  readTrainingMeta,
} from "~/.server/trainings/list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TrainingCardView, registrationStateText, registrationTone } from "~/components/trainings/parts";
import { ButtonLink } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { FilterActions, FilterBox } from "~/components/ui/filter-box";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { Pagination } from "~/components/ui/pagination";
import { TabNav } from "~/components/ui/tab-nav";
import { AUDIENCE_LABELS, TRAINING_AUDIENCES, seatsCount } from "~/i18n/trainings";
import { countLabel } from "~/utils/format";
import { gemeindeOptionGroups } from "~/utils/gemeinden";
import { paths } from "~/utils/links";
import { GEMEINDEN, TRAINING_TOPICS } from "~/utils/reference-data";
import { pageHref, searchOf } from "~/utils/search-params";
import { parseTrainingFilters, TRAINING_TAB_COUNT_CAP, type TrainingFilters, type TrainingView } from "~/validation/trainings";

export const meta: MetaFunction = () => [{ title: "Fortbildungen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseTrainingFilters(new URL(request.url).searchParams);
  const view = filters.ansicht;
  // One transaction for the tabs' counts and the view's list.
  return asUserReadOnly(user, async (tx) => {
    const meta = await readTrainingMeta(tx, user);
    // The page's data goes into its HTML as well (issue 14): the filters' topics and Gemeinden come
    // from ~/utils/reference-data, and a card leaves out the deadline and, where it names the
    // Gemeinde, the address (whereText shows the Gemeinde then).
    const full = view === "angebote" ? await readTrainingList(tx, user, filters) : null;
    const list = full && {
      ...(({ topics: _topics, gemeinden: _gemeinden, ...rest }) => rest)(full),
      entries: full.entries.map(({ registrationDeadline: _deadline, ...t }) => ({ ...t, place: t.gemeindeName ? null : t.place })),
    };
    const my = view === "meine" ? await readMyRegistrations(tx, user, { page: filters.seite }) : null;
    const organised = view === "organisiert" ? await readOrganisedTrainings(tx, user) : [];
    return { filters, meta, list, mine: my?.entries ?? [], mineHasMore: my?.hasMore ?? false, organised };
  });
}

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

function filterSearch(filters: TrainingFilters): URLSearchParams {
  return searchOf({ thema: filters.thema, zielgruppe: filters.zielgruppe, monat: filters.monat, gemeinde: filters.gemeinde });
}

export default function Trainings() {
  const { filters, meta, list, mine, mineHasMore, organised } = useLoaderData<typeof loader>();
  const view = filters.ansicht;
  const count = (n: number) => (n ? ` (${n > TRAINING_TAB_COUNT_CAP ? `${TRAINING_TAB_COUNT_CAP}+` : n})` : "");
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
      <TabNav
        heading
        label="Ansicht"
        items={tabs
          .filter((t) => t.show)
          .map((t) => ({
            to: t.view === "angebote" ? paths.trainings : `${paths.trainings}?ansicht=${t.view}`,
            label: t.label,
            shortLabel: t.short,
            current: view === t.view,
          }))}
      />

      {!meta.inCircle ? (
        <EmptyState title="Ihr Träger gehört noch keinem Kreis an.">
          Fortbildungen sieht, wer einem Kreis angehört. Sobald die Koordination eines Kreises Ihren Träger aufnimmt, finden
          Sie hier seine Angebote.{" "}
          <Link to={paths.home} className={linkClass}>
            Zur Übersicht
          </Link>
        </EmptyState>
      ) : view === "meine" ? (
        <MyRegistrations registrations={mine} page={filters.seite} hasMore={mineHasMore} />
      ) : view === "organisiert" ? (
        <Organised trainings={organised} canOrganise={meta.canOrganise} />
      ) : list ? (
        <Offers filters={filters} list={list} />
      ) : null}
    </div>
  );
}

function Offers({ filters, list }: { filters: TrainingFilters; list: NonNullable<Awaited<ReturnType<typeof loader>>["list"]> }) {
  const navigation = useNavigation();
  const search = filterSearch(filters);
  const active = [...search.keys()].length;
  const filtering = active > 0;
  return (
    <>
      <FilterBox label="Fortbildungen filtern" action={paths.trainings} active={active}>
        <div key={search.toString()} className="grid grid-cols-2 gap-x-2 gap-y-3 sm:gap-3 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
          <SelectField
            label="Thema"
            selectProps={{ id: "filter-thema", name: "thema", defaultValue: filters.thema ?? "" }}
            options={[{ value: "", label: "Alle" }, ...TRAINING_TOPICS.map((t) => ({ value: t.code, label: t.label }))]}
          />
          <SelectField
            label="Zielgruppe"
            selectProps={{ id: "filter-zielgruppe", name: "zielgruppe", defaultValue: filters.zielgruppe ?? "" }}
            options={[{ value: "", label: "Alle" }, ...TRAINING_AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))]}
          />
          <SelectField
            label="Monat"
            selectProps={{ id: "filter-monat", name: "monat", defaultValue: filters.monat ?? "" }}
            options={[{ value: "", label: "Alle" }, ...list.months]}
          />
          <SelectField
            label="Gemeinde"
            selectProps={{ id: "filter-gemeinde", name: "gemeinde", defaultValue: filters.gemeinde ?? "" }}
            options={[{ value: "", label: "Alle" }, ...gemeindeOptionGroups(GEMEINDEN)]}
          />
          <FilterActions resetTo={paths.trainings} active={active} className="col-span-2 lg:col-span-1" />
        </div>
      </FilterBox>

      <p className="mb-3 text-sm font-semibold text-slate-700" role="status" aria-live="polite">
        {navigation.state === "loading" && navigation.location?.pathname === paths.trainings
          ? "Wird geladen …"
          : `${list.moreThan ? "Mehr als " : ""}${countLabel(list.total, "Fortbildung", "Fortbildungen")}${filtering ? " gefunden" : " geplant"}`}
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
          {list.entries.map((t, i) => (
            <li key={t.id}>
              <TrainingCardView training={t} discover={i === 0 ? "render" : "none"}>
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

      <Pagination page={list.page} pageCount={list.pageCount ?? undefined} hasMore={list.hasMore} href={(page) => pageHref(paths.trainings, search, page)} />
    </>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function MyRegistrations({ registrations, page, hasMore }: { registrations: LoaderData["mine"]; page: number; hasMore: boolean }) {
  if (registrations.length === 0 && page <= 1) {
    return (
      <EmptyState title="Sie sind zu keiner Fortbildung angemeldet.">
        <Link to={paths.trainings} className={linkClass}>
          Angebote im Kreis ansehen
        </Link>
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {registrations.map((r, i) => (
          <li key={r.id}>
            <TrainingCardView training={r.training} discover={i === 0 ? "render" : "none"}>
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
      <Pagination page={page} hasMore={hasMore} href={(n) => pageHref(paths.trainings, searchOf({ ansicht: "meine" }), n)} />
    </>
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
