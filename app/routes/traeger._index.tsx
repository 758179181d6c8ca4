// /traeger — the directory of the Träger in the user's circle(s), filtered by Hilfeart, Gemeinde
// and name. A plain GET form: works without JavaScript and keeps its state in the URL.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { loadDirectory } from "~/.server/circle/directory";
import { pick } from "~/.server/circle/reference";
import { myMemberships } from "~/.server/orgs/access";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/ui/field";
import { Button } from "~/components/ui/button";
import { FilterActions, FilterBox } from "~/components/ui/filter-box";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { Pagination } from "~/components/ui/pagination";
import { hilfeartOptions, hilfeartShortLabel } from "~/i18n/hilfearten";
import { ORG_KIND_LABELS } from "~/i18n/labels";
import { countLabel } from "~/utils/format";
import { gemeindeOptionGroups } from "~/utils/gemeinden";
import { paths } from "~/utils/links";
import { GEMEINDEN, HILFEARTEN, hilfeartOf } from "~/utils/reference-data";
import { pageHref, searchOf } from "~/utils/search-params";
import { parseDirectoryFilters } from "~/validation/circle";

export const meta: MetaFunction = () => [{ title: "Träger im Kreis · Trägerkreis" }];

const GEMEINDEN_SHOWN = 4;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const directory = await loadDirectory(user, parseDirectoryFilters(new URL(request.url).searchParams));
  const filters = directory.filters;
  // Only for the empty state's wording: someone outside every circle with or without a Träger.
  const hasOrg = directory.inCircle || (await myMemberships(user)).length > 0;
  const order = new Map(directory.hilfearten.map((h, i) => [h.code, i]));
  return {
    filters,
    total: directory.total,
    page: directory.page,
    pageCount: directory.pageCount,
    inCircle: directory.inCircle,
    hasOrg,
    // Only what a card shows (issue 14: the page's data goes into the HTML once more): the
    // Hilfearten as codes (labelled from ~/utils/reference-data, which also gives the filters'
    // options), the first Gemeinden.
    entries: directory.entries.map((e) => {
      // The Gemeinde filtered for comes first, so the card shows why it matched.
      const gemeinden = pick(directory.gemeinden, e.gemeinden)
        .sort((x, y) => Number(y.code === filters.gemeinde) - Number(x.code === filters.gemeinde))
        .map((g) => g.name);
      return {
        slug: e.slug,
        name: e.name,
        kind: e.kind,
        city: e.city,
        hilfearten: e.hilfearten.filter((code) => order.has(code)).sort((a, b) => order.get(a)! - order.get(b)!),
        gemeinden: gemeinden.slice(0, GEMEINDEN_SHOWN),
        moreGemeinden: Math.max(0, gemeinden.length - GEMEINDEN_SHOWN),
      };
    }),
  };
}

export default function Directory() {
  const { filters, total, page, pageCount, inCircle, hasOrg, entries } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  // The search field stands outside the filter box; the box counts only its own filters.
  const active = [filters.hilfeart, filters.gemeinde].filter(Boolean).length;
  const filtering = active > 0 || Boolean(filters.q);
  const search = searchOf({ hilfeart: filters.hilfeart, gemeinde: filters.gemeinde, q: filters.q });

  return (
    <div>
      <PageHeader
        title="Träger im Kreis"
        description="Wer im Kreis welche Hilfen anbietet und wo. Öffnen Sie ein Profil für Leitbild und Ansprechpersonen."
      />

      {/* Without a circle there is nothing to filter or count: only the empty state below. */}
      {inCircle ? (
        <>
          {/* One search field, always in view (also on a phone, where the filters fold away). */}
          <Form method="get" action={paths.directory} role="search" aria-label="Träger suchen" className="mb-3 flex gap-2" key={`q-${search.toString()}`}>
            {filters.hilfeart ? <input type="hidden" name="hilfeart" value={filters.hilfeart} /> : null}
            {filters.gemeinde ? <input type="hidden" name="gemeinde" value={filters.gemeinde} /> : null}
            <label htmlFor="filter-q" className="sr-only">
              Suche nach Name, Hilfeart, Gemeinde oder Leitbild
            </label>
            <input
              id="filter-q"
              type="search"
              name="q"
              defaultValue={filters.q ?? ""}
              maxLength={100}
              placeholder="Name, Hilfeart, Gemeinde, Leitbild …"
              className="input min-w-0 flex-1 placeholder:text-slate-500"
            />
            <Button type="submit">Suchen</Button>
          </Form>
          <FilterBox label="Träger filtern" action={paths.directory} active={active}>
            {/* key: a new URL resets the uncontrolled fields to what it says */}
            <div key={search.toString()} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto] lg:items-end">
              {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
              <SelectField
                label="Hilfeart"
                selectProps={{ id: "filter-hilfeart", name: "hilfeart", defaultValue: filters.hilfeart ?? "" }}
                options={[{ value: "", label: "Alle Hilfearten" }, ...hilfeartOptions(HILFEARTEN)]}
              />
              <SelectField
                label="Gemeinde"
                selectProps={{ id: "filter-gemeinde", name: "gemeinde", defaultValue: filters.gemeinde ?? "" }}
                options={[{ value: "", label: "Alle Gemeinden" }, ...gemeindeOptionGroups(GEMEINDEN)]}
              />
              <FilterActions resetTo={paths.directory} active={active} className="sm:col-span-2 lg:col-span-1" />
            </div>
          </FilterBox>

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
          {entries.map((entry, i) => (
            <li key={entry.slug} className="card-link">
              <h2 className="card-title">
                {/* One card asks Remix to discover the profile's route; it is the same for all. */}
                <Link to={paths.org(entry.slug)} className="stretched-u" discover={i === 0 ? "render" : "none"}>
                  {entry.name}
                </Link>
              </h2>
              <p className="meta">{ORG_KIND_LABELS[entry.kind] + (entry.city ? ` · ${entry.city}` : "")}</p>
              {entry.hilfearten.length > 0 ? (
                <ul aria-label="Hilfearten" className="chips">
                  {entry.hilfearten.map((code) => {
                    const h = hilfeartOf(code);
                    return (
                      <li key={code}>
                        <Badge tone={code === filters.hilfeart ? "brand" : "slate"} title={h.label}>
                          {`${h.paragraph} ${hilfeartShortLabel(h)}`}
                        </Badge>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              {entry.gemeinden.length > 0 ? (
                <p className="body-sm mt-2">
                  <span className="font-medium">Gemeinden: </span>
                  {entry.gemeinden.join(", ") + (entry.moreGemeinden > 0 ? ` und ${entry.moreGemeinden} weitere` : "")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <Pagination page={page} pageCount={pageCount} href={(p) => pageHref(paths.directory, search, p)} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
