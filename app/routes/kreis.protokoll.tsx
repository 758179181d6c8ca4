// /kreis/protokoll — the circle's Protokoll for its coordinators: who was admitted or removed,
// who coordinates, what changed on the public page, which trainings the circle saw. 404 for others.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CIRCLE_AUDIT_PAGE_SIZE, circleAuditPage, type CircleAuditEntry } from "~/.server/circle/audit";
import { requireCoordinator } from "~/.server/circle/join-requests";
import { AuditList, auditPageFrom } from "~/components/audit-list";
import { CircleNav } from "~/components/circle-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PageHeader } from "~/components/ui/layout";
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

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, circles } = await requireCoordinator(request);
  const page = auditPageFrom(new URL(request.url));
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
      context: circles.length > 1 ? e.networkName : undefined,
      warn: e.action === "network.removed",
    })),
  };
}

export default function CircleAuditLog() {
  const { several, circleName, page, pageSize, hasMore, entries } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Protokoll des Kreises"
        description={`Aufnahmen, Entfernungen, Koordination und Einstellungen${several ? " Ihrer Kreise" : ` von ${circleName}`}. Nur die Koordination sieht es.`}
      />
      <CircleNav />
      <AuditList entries={entries} page={page} pageSize={pageSize} hasMore={hasMore} base={paths.circleAudit} label="Protokoll des Kreises" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
