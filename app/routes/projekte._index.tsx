// /projekte — the circle's Gemeinsame Projekte: ideas looking for partners, running and completed
// projects (with their Steckbrief), filtered by Hilfeart, Gemeinde and status, with a "Passt zu
// uns" hint where a Träger of the person shares a Hilfeart or Gemeinde. Drafts only for their Träger.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { listProjects } from "~/.server/projects/read";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ButtonLink } from "~/components/ui/button";
import { FilterActions, FilterBox } from "~/components/ui/filter-box";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { Pagination } from "~/components/ui/pagination";
import { GEMEINDEN, HILFEARTEN } from "~/utils/reference-data";
import { PROJECT_STATUS_LABELS, periodText, type ProjectStatus } from "~/utils/projects";
import { ProjectFilterSchema } from "~/validation/projects";

export const meta: MetaFunction = () => [{ title: "Projekte · Trägerkreis" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = ProjectFilterSchema.parse(params);
  // The filters' option lists come from ~/utils/reference-data (the page's data goes into its HTML).
  const { hilfearten: _hilfearten, gemeinden: _gemeinden, ...list } = await listProjects(user, filters);
  return { filters, ...list };
}

const STATUS_TONE: Record<ProjectStatus, "slate" | "brand" | "amber" | "red" | "green"> = {
  draft: "slate",
  idea: "amber",
  running: "brand",
  completed: "green",
  abandoned: "slate",
};

const selectClass = "mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 min-h-11";

export default function Projects() {
  const { filters, cards, total, moreThan, pastEnd, page, pages, hasMore, canCreate } = useLoaderData<typeof loader>();
  const active = [filters.hilfeart, filters.gemeinde, filters.status, filters.passend].filter(Boolean).length;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v !== undefined && k !== "seite") q.set(k, String(v));
    if (p > 1) q.set("seite", String(p));
    const s = q.toString();
    return s ? `/projekte?${s}` : "/projekte";
  };
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Gemeinsame Projekte"
        description="Projektideen für Kinder und Jugendliche im Kreis: mitmachen, Partner finden, gemeinsam umsetzen. Die Arbeit selbst sehen nur die beteiligten Träger."
        actions={canCreate ? <ButtonLink to="/projekte/neu">Projektidee anlegen</ButtonLink> : null}
      />
      <FilterBox label="Projekte filtern" action="/projekte" active={active}>
        <div className="grid gap-3 sm:grid-cols-3">
          <label className="text-sm font-medium text-slate-800">
            Hilfeart
            <select name="hilfeart" defaultValue={filters.hilfeart ?? ""} className={selectClass}>
              <option value="">Alle</option>
              {HILFEARTEN.map((h) => (
                <option key={h.code} value={h.code}>
                  {`${h.paragraph} ${h.label}`}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-slate-800">
            Gemeinde
            <select name="gemeinde" defaultValue={filters.gemeinde ?? ""} className={selectClass}>
              <option value="">Alle</option>
              {GEMEINDEN.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium text-slate-800">
            Status
            <select name="status" defaultValue={filters.status ?? ""} className={selectClass}>
              <option value="">Ideen, laufende und abgeschlossene</option>
              {(Object.keys(PROJECT_STATUS_LABELS) as ProjectStatus[]).map((s) => (
                <option key={s} value={s}>
                  {PROJECT_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="mt-3 flex min-h-11 items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="passend" value="1" defaultChecked={filters.passend === "1"} className="size-5 accent-brand-700" />
          Nur Projekte, die zu uns passen (Hilfeart oder Gemeinde)
        </label>
        <FilterActions resetTo="/projekte" active={active} className="mt-3" />
      </FilterBox>
      <p className="mb-3 text-sm text-slate-600" aria-live="polite">
        {pastEnd
          ? `Auf Seite ${page} sind keine Projekte mehr.`
          : moreThan
            ? `Mehr als ${total} Projekte`
            : total === 1
              ? "1 Projekt"
              : `${total} Projekte`}
      </p>
      {pastEnd ? (
        <p className="text-sm">
          <Link to={href(1)} className="link">
            Zur ersten Seite
          </Link>
        </p>
      ) : cards.length === 0 ? (
        <EmptyState title="Keine Projekte gefunden">
          {active > 0 ? "Versuchen Sie es mit weniger Filtern." : "Noch hat niemand im Kreis eine Projektidee eingestellt."}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {cards.map((c, i) => (
            <li key={c.id}>
              <article className="card space-y-2">
                <div className="row">
                  <Badge tone={STATUS_TONE[c.status]}>{PROJECT_STATUS_LABELS[c.status]}</Badge>
                  {c.mine ? <Badge tone="brand">Wir machen mit</Badge> : null}
                  {c.fits.length > 0 ? <Badge tone="green">{`Passt zu uns: ${c.fits.slice(0, 3).join(", ")}`}</Badge> : null}
                </div>
                <h2 className="card-title">
                  {/* One card asks Remix to discover the project's route; it is the same for all. */}
                  <Link to={`/projekte/${c.id}`} className="link" discover={i === 0 ? "render" : "none"}>
                    {c.title}
                  </Link>
                </h2>
                <p className="body-sm line-clamp-3">{c.goal}</p>
                <p className="meta">{`Leitung: ${c.leadName}${c.partnerNames.length > 0 ? ` · mit ${c.partnerNames.join(", ")}` : ""}`}</p>
                <p className="meta">
                  {[c.hilfearten.join(", "), c.gemeinden.join(", "), periodText(c.periodStart, c.periodEnd)].filter(Boolean).join(" · ")}
                </p>
              </article>
            </li>
          ))}
        </ul>
      )}
      {pastEnd ? null : <Pagination page={page} pageCount={pages ?? undefined} hasMore={hasMore} href={href} />}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
