// /vertretungen — the Vertretungsbörse's board. Three tabs in the URL (?ansicht=…): open requests
// of the circle (Notfall first, newest first; filtered by Gemeinde, Hilfeart, urgency and period
// with a plain GET form: works without JavaScript, state in the URL, paginated), "Unsere Anfragen"
// (drafts included, with the number of offers) and "Unsere Angebote" (with their state).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { loadCoverBoard, type CoverBoard } from "~/.server/cover/board";
import { CoverCardView } from "~/components/cover/parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { COVER_URGENCIES, hoursText, OFFER_STATUS_LABELS, OFFER_STATUS_TONES, URGENCY_HINTS, URGENCY_LABELS } from "~/i18n/cover";
import { dayText } from "~/i18n/cover";
import { formatDate } from "~/utils/format";
import { paths } from "~/utils/links";
import { parseCoverBoardFilters, type CoverBoardFilters, type CoverView } from "~/validation/cover";

export const meta: MetaFunction = () => [{ title: "Vertretungen · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseCoverBoardFilters(new URL(request.url).searchParams);
  const board = await loadCoverBoard(user, filters);
  return { filters, board };
}

const selectClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm min-h-11";
const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

function filterSearch(filters: CoverBoardFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.ansicht !== "offen") search.set("ansicht", filters.ansicht);
  if (filters.ansicht === "offen") {
    if (filters.gemeinde) search.set("gemeinde", filters.gemeinde);
    if (filters.hilfeart) search.set("hilfeart", filters.hilfeart);
    if (filters.dringlichkeit) search.set("dringlichkeit", filters.dringlichkeit);
    if (filters.von) search.set("von", filters.von);
    if (filters.bis) search.set("bis", filters.bis);
  }
  return search;
}

function href(search: URLSearchParams, changes: Record<string, string | null>) {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `${paths.cover}?${query}` : paths.cover;
}

export default function CoverBoardPage() {
  const { filters, board } = useLoaderData<typeof loader>();
  const view = filters.ansicht;
  const tabs: Array<{ view: CoverView; label: string }> = [
    { view: "offen", label: "Offen im Kreis" },
    { view: "anfragen", label: "Unsere Anfragen" },
    { view: "angebote", label: "Unsere Angebote" },
  ];
  return (
    <div>
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
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
                <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
                <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
              </svg>
              <span className="hidden lg:inline">Benachrichtigungen</span>
            </ButtonLink>
          </div>
        }
      />
      <nav aria-label="Ansicht" className="-mx-4 mb-4 border-b border-slate-200 px-4">
        <ul className="grid grid-cols-3 sm:flex sm:gap-1">
          {tabs.map((t) => (
            <li key={t.view}>
              <Link
                to={t.view === "offen" ? paths.cover : `${paths.cover}?ansicht=${t.view}`}
                aria-current={view === t.view ? "page" : undefined}
                className={`-mb-px flex h-full min-h-11 items-center justify-center border-b-2 px-2 py-1 text-center text-sm font-semibold leading-tight sm:px-3 ${
                  view === t.view
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                }`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

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

function Pagination({ filters, hasMore }: { filters: CoverBoardFilters; hasMore: boolean }) {
  if (filters.seite === 1 && !hasMore) return null;
  const search = filterSearch(filters);
  return (
    <nav aria-label="Seiten" className="mt-6 flex items-center justify-between gap-2">
      {filters.seite > 1 ? (
        <Link to={href(search, { seite: filters.seite === 2 ? null : String(filters.seite - 1) })} className={`${linkClass} inline-flex min-h-11 items-center`}>
          ← Vorherige Seite
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">Seite {filters.seite}</span>
      {hasMore ? (
        <Link to={href(search, { seite: String(filters.seite + 1) })} className={`${linkClass} inline-flex min-h-11 items-center`}>
          Nächste Seite →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

function OpenBoard({ filters, board }: { filters: CoverBoardFilters; board: CoverBoard }) {
  const navigation = useNavigation();
  const active = [filters.gemeinde, filters.hilfeart, filters.dringlichkeit, filters.von, filters.bis].filter(Boolean).length;
  const searching = navigation.state === "loading" && navigation.location?.pathname === paths.cover;
  const kreise = [...new Set(board.reference.gemeinden.map((g) => g.kreis))];
  return (
    <>
      <details className="group mb-4 rounded-xl border border-slate-200 bg-white shadow-sm" open={active > 0 || undefined}>
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 px-4 py-2 text-sm font-semibold text-slate-800">
          <span>
            Filter
            {active > 0 ? <span className="ml-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs text-brand-900">{active} aktiv</span> : null}
          </span>
          <span aria-hidden="true" className="transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <Form method="get" action={paths.cover} className="grid gap-3 border-t border-slate-100 p-4 sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <label htmlFor="filter-dringlichkeit" className="block text-sm font-medium text-slate-800">
              Dringlichkeit
            </label>
            <select id="filter-dringlichkeit" name="dringlichkeit" defaultValue={filters.dringlichkeit ?? ""} className={selectClass}>
              <option value="">Alle</option>
              {COVER_URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {URGENCY_LABELS[u]} – {URGENCY_HINTS[u]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-gemeinde" className="block text-sm font-medium text-slate-800">
              Gemeinde
            </label>
            <select id="filter-gemeinde" name="gemeinde" defaultValue={filters.gemeinde ?? ""} className={selectClass}>
              <option value="">Alle Gemeinden</option>
              {kreise.map((k) => (
                <optgroup key={k} label={k}>
                  {board.reference.gemeinden
                    .filter((g) => g.kreis === k)
                    .map((g) => (
                      <option key={g.code} value={g.code}>
                        {g.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-hilfeart" className="block text-sm font-medium text-slate-800">
              Hilfeart
            </label>
            <select id="filter-hilfeart" name="hilfeart" defaultValue={filters.hilfeart ?? ""} className={selectClass}>
              <option value="">Alle Hilfearten</option>
              {board.reference.hilfearten.map((h) => (
                <option key={h.code} value={h.code}>
                  {h.paragraph} {h.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-von" className="block text-sm font-medium text-slate-800">
              Zeitraum ab
            </label>
            <input id="filter-von" type="date" name="von" defaultValue={filters.von ?? ""} className={selectClass} />
          </div>
          <div>
            <label htmlFor="filter-bis" className="block text-sm font-medium text-slate-800">
              Zeitraum bis
            </label>
            <input id="filter-bis" type="date" name="bis" defaultValue={filters.bis ?? ""} className={selectClass} />
          </div>
          <div className="flex items-end gap-2">
            <Button type="submit" className="flex-1" disabled={searching}>
              {searching ? "Wird gefiltert …" : "Filtern"}
            </Button>
            {active > 0 ? (
              <Link to={paths.cover} className={`${linkClass} inline-flex min-h-11 items-center px-2 text-sm`}>
                Zurücksetzen
              </Link>
            ) : null}
          </div>
        </Form>
      </details>

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
          {board.open.map((r) => (
            <li key={r.id}>
              <CoverCardView request={r} now={board.now} />
            </li>
          ))}
        </ul>
      )}
      <Pagination filters={filters} hasMore={board.hasMore} />
    </>
  );
}

function OwnRequests({ board, filters }: { board: CoverBoard; filters: CoverBoardFilters }) {
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
        {board.requests.map((r) => (
          <li key={r.id}>
            <CoverCardView
              request={r}
              now={board.now}
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
      <Pagination filters={filters} hasMore={board.hasMore} />
    </>
  );
}

function OwnOffers({ board, filters }: { board: CoverBoard; filters: CoverBoardFilters }) {
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
        {board.offers.map((o) => (
          <li key={o.offerId}>
            <CoverCardView
              request={o.request}
              now={board.now}
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
      <Pagination filters={filters} hasMore={board.hasMore} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
