// /vertretungen — the Vertretungsbörse's board. Three tabs in the URL (?ansicht=…): open requests
// of the circle (Notfall first, newest first; filtered by Gemeinde, Hilfeart, urgency and period
// with a plain GET form: works without JavaScript, state in the URL, paginated), "Unsere Anfragen"
// (drafts included, with the number of offers) and "Unsere Angebote" (with their state).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { loadCoverBoard } from "~/.server/cover/board";
import { coverCardData, CoverCardView } from "~/components/cover/parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ButtonLink } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { FilterActions, FilterBox } from "~/components/ui/filter-box";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { Pagination } from "~/components/ui/pagination";
import { TabNav } from "~/components/ui/tab-nav";
import { COVER_URGENCIES, hoursText, OFFER_STATUS_LABELS, OFFER_STATUS_TONES, URGENCY_HINTS, URGENCY_LABELS } from "~/i18n/cover";
import { dayText } from "~/i18n/cover";
import { hilfeartOptions } from "~/i18n/hilfearten";
import { formatDate } from "~/utils/format";
import { gemeindeOptionGroups } from "~/utils/gemeinden";
import { paths } from "~/utils/links";
import { GEMEINDEN, HILFEARTEN } from "~/utils/reference-data";
import { pushPromptKey } from "~/.server/push/subscriptions";
import { PushPrompt } from "~/components/push-settings";
import { pageHref, searchOf } from "~/utils/search-params";
import { parseCoverBoardFilters, type CoverBoardFilters, type CoverView } from "~/validation/cover";

export const meta: MetaFunction = () => [{ title: "Vertretungen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseCoverBoardFilters(new URL(request.url).searchParams);
  const [full, pushPrompt] = await Promise.all([loadCoverBoard(user, filters), pushPromptKey(user)]);
  // The page's data is serialised into its HTML too: the cards leave out what no card shows
  // (a draft shows when it was created) and what is empty on them (coverCardData), Hilfeart and
  // Gemeinde go as codes, and the filters' option lists come from the browser's copy of the
  // reference tables (~/utils/reference-data).
  const { reference: _reference, ...rest } = full;
  const board = {
    ...rest,
    open: full.open.map(coverCardData),
    requests: full.requests.map((r) => ({ ...coverCardData(r), createdAt: r.createdAt, openOffers: r.openOffers, acceptedOffers: r.acceptedOffers })),
    offers: full.offers.map(({ offeredAt: _offeredAt, ...o }) => ({ ...o, request: coverCardData(o.request) })),
  };
  return { filters, board, pushPrompt };
}

type Board = Awaited<ReturnType<typeof loader>>["board"];

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

function filterSearch(filters: CoverBoardFilters): URLSearchParams {
  if (filters.ansicht !== "offen") return searchOf({ ansicht: filters.ansicht });
  const { gemeinde, hilfeart, dringlichkeit, von, bis } = filters;
  return searchOf({ gemeinde, hilfeart, dringlichkeit, von, bis });
}

export default function CoverBoardPage() {
  const { filters, board, pushPrompt } = useLoaderData<typeof loader>();
  const view = filters.ansicht;
  const tabs: Array<{ view: CoverView; label: string }> = [
    { view: "offen", label: "Offen im Kreis" },
    { view: "anfragen", label: "Unsere Anfragen" },
    { view: "angebote", label: "Unsere Angebote" },
  ];
  return (
    <div>
      {pushPrompt ? (
        <div className="mb-4">
          <PushPrompt vapidPublicKey={pushPrompt} />
        </div>
      ) : null}
      <PageHeader
        title="Vertretungen"
        description="Wenn Personal ausfällt, vertreten sich die Träger im Kreis gegenseitig."
        actions={
          <div className="flex gap-2">
            {board.canPost ? (
              <ButtonLink to={paths.newCoverRequest} className="whitespace-nowrap">
                Anfrage stellen
              </ButtonLink>
            ) : null}
            <ButtonLink to={paths.coverLedger} variant="secondary">
              Bilanz
            </ButtonLink>
            <ButtonLink to={paths.coverAlerts} variant="secondary" className="whitespace-nowrap" aria-label="Benachrichtigungen einstellen" title="Benachrichtigungen einstellen">
              <span aria-hidden="true" className="icon icon-bell size-5" />
              <span className="hidden lg:inline">Benachrichtigungen</span>
            </ButtonLink>
          </div>
        }
      />
      <TabNav
        heading
        label="Ansicht"
        layout="grid"
        items={tabs.map((t) => ({
          to: t.view === "offen" ? paths.cover : `${paths.cover}?ansicht=${t.view}`,
          label: t.label,
          current: view === t.view,
        }))}
      />

      {!board.inCircle && board.orgNames.length === 0 ? (
        <EmptyState title="Sie gehören noch keinem Träger an.">
          Vertretungen fragen Träger eines Kreises untereinander an.{" "}
          <Link to={paths.home} className={linkClass}>
            Zur Übersicht
          </Link>
        </EmptyState>
      ) : view === "offen" ? (
        board.inCircle ? (
          <OpenBoard filters={filters} board={board} />
        ) : (
          <EmptyState title="Ihr Träger gehört noch keinem Kreis an.">
            Anfragen sieht, wer einem Kreis angehört. Sobald die Koordination eines Kreises Ihren Träger aufnimmt, finden Sie
            hier seine offenen Anfragen.
          </EmptyState>
        )
      ) : view === "anfragen" ? (
        <OwnRequests board={board} filters={filters} />
      ) : (
        <OwnOffers board={board} filters={filters} />
      )}
    </div>
  );
}

function BoardPagination({ filters, hasMore }: { filters: CoverBoardFilters; hasMore: boolean }) {
  return <Pagination page={filters.seite} hasMore={hasMore} href={(page) => pageHref(paths.cover, filterSearch(filters), page)} />;
}

function OpenBoard({ filters, board }: { filters: CoverBoardFilters; board: Board }) {
  const active = [filters.gemeinde, filters.hilfeart, filters.dringlichkeit, filters.von, filters.bis].filter(Boolean).length;
  return (
    <>
      <FilterBox label="Anfragen filtern" action={paths.cover} active={active}>
        <div key={filterSearch(filters).toString()} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            label="Dringlichkeit"
            selectProps={{ id: "filter-dringlichkeit", name: "dringlichkeit", defaultValue: filters.dringlichkeit ?? "" }}
            options={[{ value: "", label: "Alle" }, ...COVER_URGENCIES.map((u) => ({ value: u, label: `${URGENCY_LABELS[u]} – ${URGENCY_HINTS[u]}` }))]}
          />
          <SelectField
            label="Gemeinde"
            selectProps={{ id: "filter-gemeinde", name: "gemeinde", defaultValue: filters.gemeinde ?? "" }}
            options={[{ value: "", label: "Alle Gemeinden" }, ...gemeindeOptionGroups(GEMEINDEN)]}
          />
          <SelectField
            label="Hilfeart"
            selectProps={{ id: "filter-hilfeart", name: "hilfeart", defaultValue: filters.hilfeart ?? "" }}
            options={[{ value: "", label: "Alle Hilfearten" }, ...hilfeartOptions(HILFEARTEN)]}
          />
          <Field label="Zeitraum ab" inputProps={{ id: "filter-von", type: "date", name: "von", defaultValue: filters.von ?? "" }} />
          <Field label="Zeitraum bis" inputProps={{ id: "filter-bis", type: "date", name: "bis", defaultValue: filters.bis ?? "" }} />
          <FilterActions resetTo={paths.cover} active={active} className="items-end" />
        </div>
      </FilterBox>

      {board.open.length === 0 ? (
        <EmptyState title={active > 0 ? "Keine offenen Anfragen für diese Filter." : "Zurzeit keine offenen Anfragen im Kreis."}>
          {active > 0 ? (
            <Link to={paths.cover} className={linkClass}>
              Alle offenen Anfragen zeigen
            </Link>
          ) : (
            <>
              Sobald ein Träger Vertretung sucht, erscheint die Anfrage hier.{" "}
              <Link to={paths.coverAlerts} className={linkClass}>
                Benachrichtigungen einstellen
              </Link>
            </>
          )}
        </EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {board.open.map((r, i) => (
            <li key={r.id}>
              <CoverCardView request={r} now={board.now} discover={i === 0 ? "render" : "none"} />
            </li>
          ))}
        </ul>
      )}
      <BoardPagination filters={filters} hasMore={board.hasMore} />
    </>
  );
}

function OwnRequests({ board, filters }: { board: Board; filters: CoverBoardFilters }) {
  if (board.requests.length === 0) {
    return (
      <EmptyState title="Ihr Träger hat noch keine Vertretung angefragt.">
        {board.canPost ? (
          <Link to={paths.newCoverRequest} className={linkClass}>
            Anfrage stellen
          </Link>
        ) : (
          "Anfragen stellen Koordination, Administration und Inhaber:innen Ihres Trägers."
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="grid gap-3 md:grid-cols-2">
        {board.requests.map((r, i) => (
          <li key={r.id}>
            <CoverCardView
              request={r}
              now={board.now}
              discover={i === 0 ? "render" : "none"}
              showStatus
              footer={
                <p className="text-sm text-slate-700">
                  {r.status === "draft" ? (
                    <>Entwurf vom {formatDate(r.createdAt)} – nur Ihr Träger sieht ihn.</>
                  ) : (
                    <>
                      <span className={r.openOffers > 0 ? "font-semibold text-brand-800" : ""}>
                        {r.openOffers === 1 ? "1 offenes Angebot" : `${r.openOffers} offene Angebote`}
                      </span>
                      {r.acceptedOffers > 0 ? ` · ${r.acceptedOffers} angenommen` : ""}
                    </>
                  )}
                </p>
              }
            />
          </li>
        ))}
      </ul>
      <BoardPagination filters={filters} hasMore={board.hasMore} />
    </>
  );
}

function OwnOffers({ board, filters }: { board: Board; filters: CoverBoardFilters }) {
  if (board.offers.length === 0) {
    return (
      <EmptyState title="Ihr Träger hat noch kein Angebot abgegeben.">
        Passende Anfragen finden Sie unter{" "}
        <Link to={paths.cover} className={linkClass}>
          Offen im Kreis
        </Link>
        .
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="grid gap-3 md:grid-cols-2">
        {board.offers.map((o, i) => (
          <li key={o.offerId}>
            <CoverCardView
              request={o.request}
              now={board.now}
              discover={i === 0 ? "render" : "none"}
              footer={
                <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  <Badge tone={OFFER_STATUS_TONES[o.offerStatus]}>Unser Angebot: {OFFER_STATUS_LABELS[o.offerStatus]}</Badge>
                  <span>
                    {o.offerStatus === "accepted" && o.acceptedHours
                      ? `${hoursText(o.acceptedHours)} von ${hoursText(o.offeredHours)} Std./Woche angenommen`
                      : `${hoursText(o.offeredHours)} Std./Woche ab ${dayText(o.availableFrom)}`}
                  </span>
                  {board.orgNames.length > 1 ? <span className="text-slate-500">· {o.offerOrgName}</span> : null}
                </div>
              }
            />
          </li>
        ))}
      </ul>
      <BoardPagination filters={filters} hasMore={board.hasMore} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
