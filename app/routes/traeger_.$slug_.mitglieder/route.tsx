// The people of a Träger. Every member sees the list; owners and admins invite colleagues, change
// roles, mark Ansprechpersonen and remove members. The database enforces who may do what (RLS and
// the owner guard); its refusals appear here as German messages and change nothing.
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import type { OrgRole } from "~/.server/db/schema";
import { requireOrgRole } from "~/.server/orgs/access";
import { formatDate } from "~/utils/format";
import {
  changeRole,
  inviteMember,
  listMembers,
  listOpenInvitations,
  removeMember,
  setContactPerson,
  withdrawInvitation,
} from "~/.server/orgs/members";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrgNav } from "~/components/org-nav";
import { InvitationCard, InviteForm } from "./invitations";
import { LeaveForm } from "./leave-form";
import { MemberCard } from "./member-card";
import { EmptyState, PageHeader } from "~/components/ui/layout";
import { ROLE_LABELS } from "~/i18n/labels";
import { paths } from "~/utils/links";
import { MemberIntentSchemas, isMemberIntent, type MemberIntent } from "~/validation/orgs";
import { oncePerForm } from "~/.server/forms/idempotency";
import { replyToRefusal } from "~/.server/forms/reply";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Mitglieder · ${data.org.name} · Trägerkreis` : "Mitglieder · Trägerkreis" },
];

function isAdminRole(role: OrgRole) {
  return role === "owner" || role === "admin";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const membership = await requireOrgRole(user, params.slug ?? "", "member");
  const admin = isAdminRole(membership.role);
  const [members, invitations] = await Promise.all([
    listMembers(user, membership.orgId),
    admin ? listOpenInvitations(user, membership.orgId) : Promise.resolve([]),
  ]);
  const now = Date.now();
  return {
    org: { slug: membership.slug, name: membership.name, role: membership.role },
    me: user.id,
    members: members.map((m) => ({
      userId: m.userId,
      fullName: m.fullName,
      email: m.email,
      role: m.role,
      isContactPerson: m.isContactPerson,
      contactTitle: m.contactTitle,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      invitedBy: i.invitedBy,
      expired: new Date(i.expiresAt).getTime() < now,
      expiresOn: formatDate(i.expiresAt),
    })),
    // The forms with fields: their constraint from here, their schema loaded after hydration.
    constraints: { invite: getZodConstraint(MemberIntentSchemas.invite), contact: getZodConstraint(MemberIntentSchemas.contact) },
  };
}

/** Which form on the page an answer belongs to, so only that form shows the errors. */
function formIdFor(intent: MemberIntent, formData: FormData): string {
  const subject = formData.get("userId") ?? formData.get("invitationId");
  return typeof subject === "string" && subject ? `${intent}-${subject.slice(0, 40)}` : intent;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isMemberIntent(intent)) throw new Response("Diese Aktion gibt es hier nicht.", { status: 400 });
  const membership = await requireOrgRole(user, params.slug ?? "", intent === "leave" ? "member" : "admin");
  const formId = formIdFor(intent, formData);
  const submission = parseWithZod(formData, { schema: MemberIntentSchemas[intent] });
  if (submission.status !== "success") return { formId, result: submission.reply() };

  const here = paths.orgMembers(membership.slug);
  const notFound = () => ({
    formId,
    result: submission.reply({ formErrors: ["Diese Person oder Einladung gibt es hier nicht (mehr)."] }),
  });
  const value = submission.value;
  try {
    switch (value.intent) {
      case "invite": {
        if (value.role === "owner" && membership.role !== "owner") {
          return { formId, result: submission.reply({ fieldErrors: { role: ["Nur Inhaber:innen können weitere Inhaber:innen einladen."] } }) };
        }
        await oncePerForm(formData, "org.invite", () => inviteMember(user, membership.orgId, value.email, value.role));
        return redirectWithToast(here, {
          title: "Einladung verschickt.",
          description: `${value.email} bekommt eine E-Mail mit dem Link; er gilt sieben Tage.`,
        });
      }
      case "change-role": {
        if (!(await changeRole(user, membership.orgId, value.userId, value.role))) return notFound();
        return redirectWithToast(here, { title: `Rolle geändert: ${ROLE_LABELS[value.role]}.` });
      }
      case "contact": {
        const ok = await setContactPerson(user, membership.orgId, value.userId, {
          isContactPerson: value.isContactPerson,
          contactTitle: value.contactTitle ?? null,
        });
        if (!ok) return notFound();
        return redirectWithToast(here, {
          title: value.isContactPerson ? "Als Ansprechperson markiert." : "Keine Ansprechperson mehr.",
          description: value.isContactPerson ? "Der Kreis sieht diese Person jetzt im Profil des Trägers." : undefined,
        });
      }
      case "remove": {
        if (!(await removeMember(user, membership.orgId, value.userId))) return notFound();
        return redirectWithToast(here, { title: "Person aus dem Träger entfernt." });
      }
      case "withdraw": {
        const email = await withdrawInvitation(user, membership.orgId, value.invitationId);
        if (!email) return notFound();
        return redirectWithToast(here, { title: "Einladung zurückgezogen.", description: `Der Link an ${email} gilt nicht mehr.` });
      }
      case "leave": {
        if (!(await removeMember(user, membership.orgId, user.id))) return notFound();
        return redirectWithToast(paths.home, { title: `Sie haben ${membership.name} verlassen.` });
      }
    }
  } catch (error) {
    return { formId, result: replyToRefusal(submission, error) };
  }
}


export default function OrgMembers() {
  const { org, me, members, invitations } = useLoaderData<typeof loader>();
  // Each navigation (also the redirect after a successful change) starts the forms afresh, so an
  // old error or a sent address does not linger; an error answer is shown again from lastResult.
  const { key: locationKey } = useLocation();
  const admin = isAdminRole(org.role);
  const owners = members.filter((m) => m.role === "owner").length;
  const lastOwner = org.role === "owner" && owners <= 1;
  const contacts = members.filter((m) => m.isContactPerson).length;

  return (
    <div>
      <OrgNav slug={org.slug} orgName={org.name} role={org.role} />
      <PageHeader
        title={org.name}
        description={`${members.length} ${members.length === 1 ? "Mitglied" : "Mitglieder"}${
          contacts ? `, davon ${contacts} ${contacts === 1 ? "Ansprechperson" : "Ansprechpersonen"} für den Kreis` : ""
        }`}
      />

      <div key={locationKey} className="space-y-8">
        <section aria-labelledby="members-heading">
          <h2 id="members-heading" className="mb-3 text-lg font-semibold text-slate-900">
            Mitglieder
          </h2>
          <ul className="space-y-3">
            {members.map((m) => (
              <MemberCard key={m.userId} member={m} viewerRole={org.role} isMe={m.userId === me} canManage={admin} />
            ))}
          </ul>
          {admin ? (
            <p className="mt-3 text-sm text-slate-600">
              Ansprechpersonen sieht der ganze Kreis im Profil des Trägers; alle anderen Mitglieder sehen nur Sie und Ihre Kolleg:innen.
            </p>
          ) : null}
        </section>

        {admin ? (
          <>
            <InviteForm viewerRole={org.role} />
            <section aria-labelledby="invitations-heading">
              <h2 id="invitations-heading" className="mb-3 text-lg font-semibold text-slate-900">
                Offene Einladungen
              </h2>
              {invitations.length ? (
                <ul className="space-y-3">
                  {invitations.map((i) => (
                    <InvitationCard key={i.id} invitation={i} viewerRole={org.role} />
                  ))}
                </ul>
              ) : (
                <EmptyState title="Keine offenen Einladungen." />
              )}
            </section>
          </>
        ) : null}

        <LeaveForm orgName={org.name} lastOwner={lastOwner} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
