// /traeger/:slug — a Träger's profile as the circle sees it: Leitbild, Hilfearten, Gemeinden,
// contact details and Ansprechpersonen. A Träger the user may not see is a 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/.server/auth/session";
import { loadTraegerProfile } from "~/.server/circle/directory";
import { pick } from "~/.server/circle/reference";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrgNav } from "~/components/org-nav";
import { Badge, Card } from "~/components/ui/layout";
import { LEGAL_FORM_LABELS, ORG_KIND_LABELS, ROLE_LABELS } from "~/i18n/labels";
import { formatDate } from "~/utils/format";
import { invariantResponse } from "~/utils/invariant";
import { paths } from "~/utils/links";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.org.name} · Trägerkreis` : "Nicht gefunden · Trägerkreis" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  invariantResponse(/^[a-z0-9-]{1,80}$/.test(slug), "Nicht gefunden", { status: 404 });
  const profile = await loadTraegerProfile(user, slug);
  invariantResponse(profile, "Nicht gefunden", { status: 404 });
  const { org } = profile;
  return {
    org: { ...org, website: safeWebsite(org.website) },
    hilfearten: pick(profile.hilfearten, org.hilfearten),
    gemeinden: pick(profile.gemeinden, org.gemeinden).map((g) => g.name),
    contacts: profile.contacts,
    circles: profile.circles,
    myRole: profile.myRole,
  };
}

/** Only http(s) links leave the app; a bare domain gets https://. */
function safeWebsite(value: string | null): { href: string | null; text: string } | null {
  if (!value?.trim()) return null;
  const text = value.trim();
  if (/^https?:\/\/[^\s]+$/i.test(text)) return { href: text, text: text.replace(/^https?:\/\//i, "").replace(/\/$/, "") };
  if (/^[a-z0-9.-]+\.[a-z]{2,}(\/[^\s]*)?$/i.test(text)) return { href: `https://${text}`, text };
  return { href: null, text };
}

function telHref(phone: string) {
  return `tel:${phone.replace(/[^0-9+]/g, "")}`;
}

const linkClass = "font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900 break-words";
/** Mail and phone links stand on their own lines: each a full 44 px tap target on a phone. */
const contactLinkClass = `${linkClass} inline-flex min-h-11 max-w-full items-center wrap-anywhere`;

export default function TraegerProfile() {
  const { org, hilfearten, gemeinden, contacts, circles, myRole } = useLoaderData<typeof loader>();
  const isAdmin = myRole === "owner" || myRole === "admin";
  const address = [org.street, [org.postalCode, org.city].filter(Boolean).join(" ")].filter(Boolean);
  const hasContact = address.length > 0 || org.phone || org.email || org.website;

  return (
    <div>
      <OrgNav slug={org.slug} orgName={org.name} role={myRole} />
      <div className="mb-6">
        <p className="text-sm font-medium text-slate-600">
          {ORG_KIND_LABELS[org.kind]}
          {org.legalForm ? ` · ${LEGAL_FORM_LABELS[org.legalForm]}` : ""}
        </p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{org.name}</h1>
        {myRole ? (
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            Ihr Träger <Badge tone="brand">{ROLE_LABELS[myRole]}</Badge>
            {isAdmin ? (
              <Link to={paths.orgSettings(org.slug)} className={linkClass}>
                Profil bearbeiten
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-4">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Leitbild</h2>
            {org.leitbild.trim() ? (
              <p className="mt-2 whitespace-pre-line text-slate-800">{org.leitbild}</p>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Noch kein Leitbild hinterlegt.</p>
            )}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Hilfearten</h2>
            {hilfearten.length > 0 ? (
              <ul className="mt-2 space-y-1.5">
                {hilfearten.map((h) => (
                  <li key={h.code} className="flex gap-3">
                    <span className="w-12 shrink-0 font-semibold text-brand-800">{h.paragraph}</span>
                    <span className="text-slate-800">{h.label}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Keine Hilfearten angegeben.</p>
            )}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Gemeinden</h2>
            {gemeinden.length > 0 ? (
              <ul className="mt-2 flex flex-wrap gap-1.5">
                {gemeinden.map((name) => (
                  <li key={name}>
                    <Badge>{name}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Keine Gemeinden angegeben.</p>
            )}
          </Card>
        </div>

        <div className="space-y-4">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Ansprechpersonen</h2>
            {contacts.length > 0 ? (
              <ul className="mt-2 divide-y divide-slate-200">
                {contacts.map((c) => (
                  <li key={c.userId} className="py-2 first:pt-0 last:pb-0">
                    <p className="font-semibold text-slate-900">{c.fullName}</p>
                    {c.title ? <p className="text-sm text-slate-600">{c.title}</p> : null}
                    <p className="text-sm">
                      <a href={`mailto:${c.email}`} className={contactLinkClass}>
                        {c.email}
                      </a>
                    </p>
                    {c.phone ? (
                      <p className="text-sm">
                        <a href={telHref(c.phone)} className={contactLinkClass}>
                          {c.phone}
                        </a>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">
                Noch keine Ansprechperson benannt.
                {isAdmin ? (
                  <>
                    {" "}
                    <Link to={paths.orgMembers(org.slug)} className={linkClass}>
                      Bei den Mitgliedern festlegen
                    </Link>
                  </>
                ) : null}
              </p>
            )}
          </Card>
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Kontakt</h2>
            {hasContact ? (
              <dl className="mt-2 space-y-2 text-sm">
                {address.length > 0 ? (
                  <div>
                    <dt className="font-medium text-slate-600">Anschrift</dt>
                    <dd className="text-slate-900">
                      {address.map((line) => (
                        <span key={line} className="block">
                          {line}
                        </span>
                      ))}
                    </dd>
                  </div>
                ) : null}
                {org.phone ? (
                  <div>
                    <dt className="font-medium text-slate-600">Telefon</dt>
                    <dd>
                      <a href={telHref(org.phone)} className={contactLinkClass}>
                        {org.phone}
                      </a>
                    </dd>
                  </div>
                ) : null}
                {org.email ? (
                  <div>
                    <dt className="font-medium text-slate-600">E-Mail</dt>
                    <dd>
                      <a href={`mailto:${org.email}`} className={contactLinkClass}>
                        {org.email}
                      </a>
                    </dd>
                  </div>
                ) : null}
                {org.website ? (
                  <div>
                    <dt className="font-medium text-slate-600">Website</dt>
                    <dd>
                      {org.website.href ? (
                        <a href={org.website.href} className={linkClass} rel="noopener noreferrer" target="_blank">
                          {org.website.text}
                          <span className="sr-only"> (öffnet in neuem Fenster)</span>
                        </a>
                      ) : (
                        <span className="break-words">{org.website.text}</span>
                      )}
                    </dd>
                  </div>
                ) : null}
              </dl>
            ) : (
              <p className="mt-2 text-sm text-slate-600">Keine Kontaktdaten angegeben.</p>
            )}
          </Card>
          {circles.length > 0 ? (
            <Card>
              <h2 className="text-lg font-semibold text-slate-900">Im Kreis</h2>
              <ul className="mt-2 space-y-2 text-sm">
                {circles.map((c) => (
                  <li key={c.name}>
                    <span className="font-medium text-slate-900">{c.name}</span>
                    <span className="block text-slate-600">
                      {c.role === "coordinator" ? "Koordiniert den Kreis · " : ""}dabei seit {formatDate(c.joinedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
      <p className="mt-6">
        <Link to={paths.directory} className={linkClass}>
          ← Alle Träger im Kreis
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
