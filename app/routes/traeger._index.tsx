// /traeger — the directory of the Träger in the user's circle(s), filtered by Hilfeart, Gemeinde
// and name. A plain GET form: works without JavaScript and keeps its state in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { loadDirectory } from "~/.server/circle/directory";
import { pick } from "~/.server/circle/reference";
import { myMemberships } from "~/.server/orgs/access";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button, ButtonLink } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { ORG_KIND_LABELS } from "~/i18n/labels";
import { countLabel } from "~/utils/format";
import { paths } from "~/utils/links";
import { parseDirectoryFilters } from "~/validation/circle";

export const meta: MetaFunction = () => [{ title: "Träger im Kreis · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const filters = parseDirectoryFilters(new URL(request.url).searchParams);
  const directory = await loadDirectory(user, filters);
  // Only for the empty state's wording: someone outside every circle with or without a Träger.
  const hasOrg = directory.inCircle || (await myMemberships(user)).length > 0;
  const hilfeartByCode = new Map(directory.hilfearten.map((h) => [h.code, h]));
  return {
    filters,
    total: directory.total,
    page: directory.page,
    pageCount: directory.pageCount,
    inCircle: directory.inCircle,
    hasOrg,
    hilfearten: directory.hilfearten,
    gemeinden: directory.gemeinden,
    entries: directory.entries.map((e) => ({
      slug: e.slug,
      name: e.name,
      kind: e.kind,
      city: e.city,
      hilfearten: e.hilfearten
        .map((code) => hilfeartByCode.get(code))
        .filter((h) => h !== undefined)
        .sort((a, b) => directory.hilfearten.indexOf(a) - directory.hilfearten.indexOf(b))
        .map((h) => ({ code: h.code, paragraph: h.paragraph, label: h.label })),
      // The Gemeinde filtered for comes first, so the card shows why it matched.
      gemeinden: pick(directory.gemeinden, e.gemeinden)
        .sort((x, y) => Number(y.code === filters.gemeinde) - Number(x.code === filters.gemeinde))
        .map((g) => g.name),
    })),
  };
}

const selectClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm min-h-11";
const GEMEINDEN_SHOWN = 4;

function pageHref(search: URLSearchParams, page: number) {
  const next = new URLSearchParams(search);
  if (page <= 1) next.delete("seite");
  else next.set("seite", String(page));
  const query = next.toString();
  return query ? `${paths.directory}?${query}` : paths.directory;
}

export default function Directory() {
  const { filters, total, page, pageCount, inCircle, hasOrg, hilfearten, gemeinden, entries } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const filtering = Boolean(filters.hilfeart || filters.gemeinde || filters.q);
  const search = new URLSearchParams();
  if (filters.hilfeart) search.set("hilfeart", filters.hilfeart);
  if (filters.gemeinde) search.set("gemeinde", filters.gemeinde);
  if (filters.q) search.set("q", filters.q);
  const kreise = [...new Set(gemeinden.map((g) => g.kreis))];

  return (
    <div>
      <PageHeader
        title="Träger im Kreis"
        description="Wer im Kreis welche Hilfen anbietet und wo. Öffnen Sie ein Profil für Leitbild und Ansprechpersonen."
      />

      {/* Without a circle there is nothing to filter or count: only the empty state below. */}
      {inCircle ? (
        <>
          <Form method="get" role="search" aria-label="Träger filtern" className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            {/* key: a new URL resets the uncontrolled fields to what it says */}
            <div key={search.toString()} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto] lg:items-end">
              <div>
                <label htmlFor="filter-hilfeart" className="block text-sm font-medium text-slate-800">
                  Hilfeart
                </label>
                <select id="filter-hilfeart" name="hilfeart" defaultValue={filters.hilfeart ?? ""} className={selectClass}>
                  <option value="">Alle Hilfearten</option>
                  {hilfearten.map((h) => (
                    <option key={h.code} value={h.code}>
                      {h.paragraph} {h.label}
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
                  {kreise.map((kreis) => (
                    <optgroup key={kreis} label={kreis === "Kreisfreie Stadt" ? "Kreisfreie Städte" : kreis}>
                      {gemeinden
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
              <div className="sm:col-span-2 lg:col-span-1">
                <label htmlFor="filter-q" className="block text-sm font-medium text-slate-800">
                  Name enthält
                </label>
                <input
                  id="filter-q"
                  type="search"
                  name="q"
                  defaultValue={filters.q ?? ""}
                  maxLength={100}
                  placeholder="z. B. Lebenshilfe"
                  className={selectClass}
                />
              </div>
              <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
                <Button type="submit" className="flex-1 lg:flex-none">
                  Filtern
                </Button>
                {filtering ? (
                  <ButtonLink to={paths.directory} variant="secondary" className="flex-1 lg:flex-none">
                    Zurücksetzen
                  </ButtonLink>
                ) : null}
              </div>
            </div>
          </Form>

          <p className="mb-3 text-sm font-semibold text-slate-700" role="status" aria-live="polite">
            {navigation.state === "loading" && navigation.location?.pathname === "/traeger"
              ? "Wird geladen …"
              : filtering
                ? `${countLabel(total, "Träger")} gefunden`
                : countLabel(total, "Träger")}
          </p>
        </>
      ) : null}

      {entries.length === 0 ? (
        !inCircle ? (
          <EmptyState title={hasOrg ? "Ihr Träger gehört noch keinem Kreis an." : "Sie gehören noch keinem Träger an."}>
            {hasOrg
              ? "Sobald die Koordination eines Kreises Ihren Träger aufnimmt, sehen Sie hier die anderen Träger."
              : "Legen Sie Ihren Träger an oder nehmen Sie die Einladung Ihres Trägers an; dann sehen Sie hier die Träger Ihres Kreises."}{" "}
            <Link to={paths.home} className="font-semibold text-brand-800 underline">
              Zur Übersicht
            </Link>
          </EmptyState>
        ) : filtering ? (
          <EmptyState title="Kein Träger passt zu diesen Filtern.">
            <Link to={paths.directory} className="font-semibold text-brand-800 underline">
              Alle Träger anzeigen
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="Auf dieser Seite sind keine Träger.">
            <Link to={paths.directory} className="font-semibold text-brand-800 underline">
              Zur ersten Seite
            </Link>
          </EmptyState>
        )
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {entries.map((entry) => (
            <li key={entry.slug} className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500">
              <h2 className="text-lg font-semibold text-slate-900">
                <Link to={paths.org(entry.slug)} className="after:absolute after:inset-0 hover:underline">
                  {entry.name}
                </Link>
              </h2>
              <p className="text-sm text-slate-600">
                {ORG_KIND_LABELS[entry.kind]}
                {entry.city ? ` · ${entry.city}` : ""}
              </p>
              {entry.hilfearten.length > 0 ? (
                <ul aria-label="Hilfearten" className="mt-3 flex flex-wrap gap-1.5">
                  {entry.hilfearten.map((h) => (
                    <li key={h.code}>
                      <Badge tone={h.code === filters.hilfeart ? "brand" : "slate"}>
                        <span title={h.label}>{h.paragraph}</span>
                      </Badge>
                    </li>
                  ))}
                </ul>
              ) : null}
              {entry.gemeinden.length > 0 ? (
                <p className="mt-2 text-sm text-slate-700">
                  <span className="font-medium">Gemeinden: </span>
                  {entry.gemeinden.slice(0, GEMEINDEN_SHOWN).join(", ")}
                  {entry.gemeinden.length > GEMEINDEN_SHOWN ? ` und ${entry.gemeinden.length - GEMEINDEN_SHOWN} weitere` : ""}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {pageCount > 1 ? (
        <nav aria-label="Seiten" className="mt-6 flex items-center justify-between gap-2">
          {page > 1 ? (
            <ButtonLink to={pageHref(search, page - 1)} variant="secondary">
              Vorherige Seite
            </ButtonLink>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">
            Seite {page} von {pageCount}
          </span>
          {page < pageCount ? (
            <ButtonLink to={pageHref(search, page + 1)} variant="secondary">
              Nächste Seite
            </ButtonLink>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
