// /kreis/protokoll — the circle's Protokoll for its coordinators: who was admitted or removed,
// who coordinates, what changed on the public page, which trainings the circle saw. 404 for others.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CIRCLE_AUDIT_PAGE_SIZE, circleAuditPage, type CircleAuditEntry } from "~/.server/circle/audit";
import { requireCoordinator } from "~/.server/circle/join-requests";
import { CircleNav } from "~/components/circle-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { buttonClass } from "~/components/ui/button";
import { Badge, EmptyState, PageHeader } from "~/components/ui/layout";
import { auditActionLabel } from "~/i18n/audit";
import { formatDateTime } from "~/utils/format";
import { paths } from "~/utils/links";

export const meta: MetaFunction = () => [{ title: "Protokoll des Kreises · Trägerkreis" }];

const SETTING_LABELS: Record<string, string> = {
  region: "Region",
  description: "Beschreibung",
  contact_email: "E-Mail der Koordination",
  contact_phone: "Telefon der Koordination",
  public_page: "öffentliche Seite",
  fuehrungszeugnis_max_years: "Höchstalter des Führungszeugnisses",
};

function text(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

function summarize(e: CircleAuditEntry): string {
  const d = e.details;
  const org = text(d.orgName) ?? e.orgName ?? "Ein Träger";
  switch (e.action) {
    case "join_request.created":
      return `${org} hat Interesse gemeldet (bestehender Träger).`;
    case "join_request.admitted":
      return d.existing ? `${org} wurde als bestehender Träger aufgenommen.` : `${org} wurde aufgenommen und neu angelegt.`;
    case "join_request.declined":
      return `Die Meldung von ${org} wurde abgelehnt.`;
    case "network.admitted":
      return `${org} gehört jetzt zum Kreis.`;
    case "network.removed":
      return `${org} wurde aus dem Kreis entfernt${text(d.reason) ? `: „${text(d.reason)}“` : "."}`;
    case "network.coordination_changed":
      return `Die Koordination liegt jetzt bei ${text(d.toOrgName) ?? "einem anderen Träger"}${text(d.fromOrgName) ? ` (vorher ${text(d.fromOrgName)})` : ""}.`;
    case "network.settings_changed": {
      const fields = Array.isArray(d.fields) ? d.fields.map((f) => SETTING_LABELS[String(f)] ?? String(f)) : [];
      const page = fields.includes("öffentliche Seite") ? (d.publicPage ? " Die öffentliche Seite ist an." : " Die öffentliche Seite ist aus.") : "";
      return `Geändert: ${fields.join(", ")}.${page}`;
    }
    case "training.published":
    case "training.cancelled":
    case "training.held":
      return `${text(d.title) ?? "Eine Fortbildung"} (${e.orgName ?? "Träger"}).`;
    default:
      return "";
  }
}

function pageFrom(url: URL): number {
  const raw = url.searchParams.get("seite");
  const page = raw && /^[0-9]{1,5}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(page, 1), 10_000);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, circles } = await requireCoordinator(request);
  const page = pageFrom(new URL(request.url));
  const { entries, hasMore } = await circleAuditPage(user, page);
  return {
    several: circles.length > 1,
    circleName: circles[0]!.name,
    page,
    pageSize: CIRCLE_AUDIT_PAGE_SIZE,
    hasMore,
    entries: entries.map((e) => ({
      id: e.id,
      at: formatDateTime(e.createdAt),
      atIso: new Date(e.createdAt).toISOString(),
      label: auditActionLabel(e.action),
      summary: summarize(e),
      // A name the reader may not see (another Träger's person, or a deleted account) stays unnamed.
      actor: e.actorName ?? (e.actorId ? "einer Person, deren Profil Sie nicht sehen" : "System"),
      networkName: e.networkName,
      warn: e.action === "network.removed",
    })),
  };
}

export default function CircleAuditLog() {
  const { several, circleName, page, pageSize, hasMore, entries } = useLoaderData<typeof loader>();
  const base = paths.circleAudit;
  return (
    <div>
      <PageHeader
        title="Protokoll des Kreises"
        description={`Aufnahmen, Entfernungen, Koordination und Einstellungen${several ? " Ihrer Kreise" : ` von ${circleName}`}. Nur die Koordination sieht es.`}
      />
      <CircleNav />
      {entries.length === 0 ? (
        <EmptyState title={page === 1 ? "Noch keine Einträge." : "Auf dieser Seite gibt es keine Einträge mehr."} />
      ) : (
        <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" aria-label={`Protokoll des Kreises, Seite ${page}`}>
          {entries.map((e) => (
            <li key={e.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:gap-4">
              <time dateTime={e.atIso} className="shrink-0 text-sm text-slate-600 sm:w-44">
                {e.at}
              </time>
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <Badge tone={e.warn ? "amber" : "slate"}>{e.label}</Badge>
                  <span className="text-sm text-slate-600">
                    von {e.actor}
                    {several ? ` · ${e.networkName}` : ""}
                  </span>
                </p>
                {e.summary ? <p className="mt-1 break-words text-slate-900">{e.summary}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {page > 1 || hasMore ? (
        <nav aria-label="Seiten des Protokolls" className="mt-4 flex items-center justify-between gap-2">
          {page > 1 ? (
            <Link to={page === 2 ? base : `${base}?seite=${page - 1}`} className={buttonClass("secondary")}>
              ← Neuere
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-600">
            Seite {page} · {pageSize} je Seite
          </span>
          {hasMore ? (
            <Link to={`${base}?seite=${page + 1}`} className={buttonClass("secondary")}>
              Ältere →
            </Link>
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
