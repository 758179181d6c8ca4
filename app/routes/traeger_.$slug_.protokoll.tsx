// The Träger's audit log for its owners and admins: who changed what, newest first, 50 per page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import type { OrgRole } from "~/.server/db/schema";
import { requireOrgRole } from "~/.server/orgs/access";
import { AUDIT_PAGE_SIZE, auditPage, type AuditEntry } from "~/.server/orgs/audit";
import { AuditList, auditPageFrom } from "~/components/audit-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrgNav } from "~/components/org-nav";
import { PageHeader } from "~/components/ui/layout";
import { auditActionLabel } from "~/i18n/audit";
import { ROLE_LABELS } from "~/i18n/labels";
import { formatDateTime } from "~/utils/format";
import { paths } from "~/utils/links";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Protokoll · ${data.org.name} · Trägerkreis` : "Protokoll · Trägerkreis" },
];

function text(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}

function role(value: unknown): string {
  const code = text(value);
  return code && code in ROLE_LABELS ? ROLE_LABELS[code as OrgRole] : (code ?? "unbekannt");
}

/** One readable German sentence per entry; names only where the reader may see them. */
function summarize(entry: AuditEntry): string {
  const d = entry.details;
  const person = entry.targetName ?? text(d.name) ?? text(d.email) ?? "Eine Person";
  switch (entry.action) {
    case "organization.created":
      return `Der Träger „${text(d.name) ?? ""}“ wurde angelegt.`;
    case "member.added":
      return `${person} wurde als ${role(d.role)} aufgenommen.`;
    case "member.role_changed":
      return `${person}: ${role(d.from)} → ${role(d.to)}.`;
    case "member.removed":
      return entry.actorId && entry.actorId === entry.targetId
        ? `${person} hat den Träger verlassen.`
        : `${person} (${role(d.role)}) wurde entfernt.`;
    case "member.contact_person_changed":
      return d.is_contact_person
        ? `${person} ist jetzt Ansprechperson${text(d.title) ? ` („${text(d.title)}“)` : ""}.`
        : `${person} ist keine Ansprechperson mehr.`;
    case "invitation.created":
      return `Einladung an ${text(d.email) ?? "eine Adresse"} als ${role(d.role)}.`;
    case "invitation.accepted":
      return `${text(d.email) ?? "Eine eingeladene Person"} hat die Einladung als ${role(d.role)} angenommen.`;
    case "network.admitted":
      return `Der Träger wurde in den Kreis „${text(d.networkName) ?? ""}“ aufgenommen.`;
    case "auth.sign_in":
      return "";
    default:
      return "";
  }
}

function actorLabel(entry: AuditEntry): string {
  if (entry.actorName) return entry.actorName;
  if (!entry.actorId) return "System";
  return entry.action === "network.admitted" ? "Koordination des Kreises" : "Person außerhalb des Trägers";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const membership = await requireOrgRole(user, params.slug ?? "", "admin");
  const page = auditPageFrom(new URL(request.url));
  const { entries, hasMore } = await auditPage(user, membership.orgId, page);
  return {
    org: { slug: membership.slug, name: membership.name, role: membership.role },
    page,
    pageSize: AUDIT_PAGE_SIZE,
    hasMore,
    entries: entries.map((e) => ({
      id: e.id,
      at: formatDateTime(e.createdAt),
      atIso: new Date(e.createdAt).toISOString(),
      label: auditActionLabel(e.action),
      summary: summarize(e),
      actor: actorLabel(e),
      warn: e.action === "member.removed",
    })),
  };
}

export default function OrgAuditLog() {
  const { org, page, pageSize, hasMore, entries } = useLoaderData<typeof loader>();
  return (
    <div>
      <OrgNav slug={org.slug} orgName={org.name} role={org.role} />
      <PageHeader title={org.name} description="Protokoll: wer wann was am Träger geändert hat. Nur Inhaber:innen und Administrator:innen sehen es." />
      <p className="mb-4 text-sm text-slate-700">
        E-Mails an Ihre Mitglieder, die nicht zugestellt werden konnten:{" "}
        <Link to={paths.undeliverableMails} className="font-semibold text-brand-800 underline">
          Unzustellbare E-Mails
        </Link>
      </p>
      <AuditList entries={entries} page={page} pageSize={pageSize} hasMore={hasMore} base={paths.orgAudit(org.slug)} label="Protokoll" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
