// The Vertretungsbörse on the dashboard (/): open Notfälle of other Träger in the circle (a count
// and a link to the filtered board) and the person's Träger's open requests and drafts. Real data
// only: nothing is shown for a person outside a circle.
import { Link } from "~/components/link";
import type { CoverDashboard } from "~/.server/cover/dashboard";
import { ButtonLink } from "~/components/ui/button";
import { fillText, periodText } from "~/i18n/cover";
import { paths } from "~/utils/links";
import { StatusBadge, UrgencyBadge } from "./parts";

const linkClass = "font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900";

export function CoverDashboardSection({ cover }: { cover: CoverDashboard }) {
  if (!cover.inCircle) return null;
  const count = cover.openNotfaelle >= 100 ? "99+" : String(cover.openNotfaelle);
  return (
    <section aria-labelledby="vertretungen-titel" className="space-y-3">
      <h2 id="vertretungen-titel" className="text-lg font-semibold text-slate-900">
        Vertretungen
      </h2>
      {cover.openNotfaelle > 0 ? (
        <div className="rounded-xl border-2 border-red-300 bg-red-50 p-4 shadow-sm">
          <p className="text-lg font-semibold text-red-900">
            Offene Notfälle im Kreis <span className="font-bold">· {count}</span>
          </p>
          <p className="mt-1 text-sm text-red-900">
            {cover.openNotfaelle === 1 ? "Ein Träger sucht" : "Träger suchen"} heute oder morgen Vertretung.
          </p>
          <ButtonLink to={`${paths.cover}?dringlichkeit=notfall`} variant="danger" className="mt-3">
            Notfälle ansehen
          </ButtonLink>
        </div>
      ) : (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700">
          Keine offenen Notfälle im Kreis.{" "}
          <Link to={paths.cover} className={linkClass}>
            Alle offenen Anfragen
          </Link>
        </p>
      )}
      <div className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3">
          <h3 className="font-semibold text-slate-900">Unsere offenen Anfragen</h3>
          {cover.canPost ? (
            <Link to={paths.newCoverRequest} className={`${linkClass} inline-flex min-h-11 items-center text-sm`}>
              Anfrage stellen
            </Link>
          ) : null}
        </div>
        {cover.ownOpen.length === 0 ? (
          <p className="px-4 py-3 text-sm text-slate-600">Ihr Träger sucht zurzeit keine Vertretung.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {cover.ownOpen.map((r) => (
              <li key={r.id}>
                <Link to={paths.coverRequest(r.id)} className="block min-h-11 px-4 py-3 hover:bg-slate-50">
                  <span className="flex flex-wrap items-center gap-2">
                    <UrgencyBadge urgency={r.urgency} />
                    {r.status === "draft" ? <StatusBadge status={r.status} /> : null}
                    <span className="font-medium text-slate-900">{r.title}</span>
                  </span>
                  <span className="mt-1 block text-sm text-slate-600">
                    {periodText(r.periodFrom, r.periodTo)} · {fillText(r.coveredHours, r.hoursPerWeek)}
                    {r.openOffers > 0 ? (
                      <span className="font-semibold text-brand-800">
                        {" "}
                        · {r.openOffers === 1 ? "1 offenes Angebot" : `${r.openOffers} offene Angebote`}
                      </span>
                    ) : null}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
