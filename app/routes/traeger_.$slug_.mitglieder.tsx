// The people of a Träger. Every member sees the list; owners and admins invite colleagues, change
// roles, mark Ansprechpersonen and remove members. The database enforces who may do what (RLS and
// the owner guard); its refusals appear here as German messages and change nothing.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useState } from "react";
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
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, SelectField } from "~/components/ui/field";
import { Badge, Card, EmptyState, FormMessage, PageHeader } from "~/components/ui/layout";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/i18n/labels";
import { paths } from "~/utils/links";
import { MemberIntentSchemas, ORG_ROLES, isMemberIntent, type MemberIntent } from "~/validation/orgs";
import { oncePerForm } from "~/.server/forms/idempotency";
import { FormKeyField } from "~/components/ui/form-key";
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

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Member = LoaderData["members"][number];
type Invitation = LoaderData["invitations"][number];

/** The action's answer, if it belongs to the form with this id. */
function useResultFor(formId: string) {
  const actionData = useActionData<typeof action>();
  return actionData && "formId" in actionData && actionData.formId === formId ? actionData.result : undefined;
}

function useBusy(formId: string) {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formData?.get("formId") === formId;
}

function roleOptions(viewerRole: OrgRole) {
  return ORG_ROLES.filter((r) => r !== "owner" || viewerRole === "owner").map((r) => ({ value: r, label: ROLE_LABELS[r] }));
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

function MemberCard({ member, viewerRole, isMe, canManage }: { member: Member; viewerRole: OrgRole; isMe: boolean; canManage: boolean }) {
  const ownerRowForAdmin = member.role === "owner" && viewerRole !== "owner";
  const actionData = useActionData<typeof action>();
  const answered = Boolean(actionData && "formId" in actionData && actionData.formId.endsWith(`-${member.userId}`));
  return (
    <Card as="li" className="!p-4">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="font-semibold text-slate-900">
            {member.fullName}
            {isMe ? <span className="font-normal text-slate-600"> (Sie)</span> : null}
          </p>
          <p className="wrap-anywhere text-sm text-slate-600">{member.email}</p>
          {member.isContactPerson && member.contactTitle ? <p className="mt-1 text-sm text-slate-800">{member.contactTitle}</p> : null}
        </div>
        <div className="flex flex-wrap gap-1.5 sm:justify-end">
          <Badge tone={member.role === "owner" || member.role === "admin" ? "brand" : "slate"}>{ROLE_LABELS[member.role]}</Badge>
          {member.isContactPerson ? <Badge tone="green">Ansprechperson</Badge> : null}
        </div>
      </div>
      {canManage ? (
        <details className="group mt-3 border-t border-slate-100 pt-2" open={answered || undefined}>
          <summary
            aria-label={`Verwalten: ${member.fullName}`}
            className="flex min-h-11 cursor-pointer list-none items-center gap-1 text-sm font-semibold text-brand-800"
          >
            <span aria-hidden="true" className="transition-transform group-open:rotate-90">
              ›
            </span>
            Verwalten
          </summary>
          <div className="mt-2 grid gap-6 lg:grid-cols-2">
            {ownerRowForAdmin ? (
              <p className="text-sm text-slate-600">Rolle und Mitgliedschaft von Inhaber:innen ändern nur Inhaber:innen.</p>
            ) : (
              <RoleForm member={member} viewerRole={viewerRole} />
            )}
            <ContactForm member={member} />
            {!isMe && !ownerRowForAdmin ? <RemoveForm member={member} /> : null}
          </div>
        </details>
      ) : null}
    </Card>
  );
}

function RoleForm({ member, viewerRole }: { member: Member; viewerRole: OrgRole }) {
  const formId = `change-role-${member.userId}`;
  const [form, fields] = useForm<{ role: string }>({ id: formId, lastResult: useResultFor(formId) });
  const busy = useBusy(formId);
  const options = roleOptions(viewerRole);
  if (!options.some((o) => o.value === member.role)) options.unshift({ value: member.role, label: ROLE_LABELS[member.role] });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="intent" value="change-role" />
      <input type="hidden" name="userId" value={member.userId} />
      <div className="flex items-end gap-2">
        <SelectField
          key={fields.role.key}
          className="grow"
          label="Rolle"
          field={fields.role}
          selectProps={{ defaultValue: member.role }}
          options={options}
        />
        <Button type="submit" variant="secondary" disabled={busy} aria-label={`Speichern: Rolle von ${member.fullName}`}>
          Speichern
        </Button>
      </div>
      <FormMessage id={form.errorId} errors={form.errors} />
    </Form>
  );
}

function ContactForm({ member }: { member: Member }) {
  const formId = `contact-${member.userId}`;
  const schema = MemberIntentSchemas.contact;
  const [form, fields] = useForm({
    id: formId,
    lastResult: useResultFor(formId),
    constraint: getZodConstraint(schema),
    defaultValue: { isContactPerson: member.isContactPerson ? "on" : undefined, contactTitle: member.contactTitle ?? "" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const busy = useBusy(formId);
  const [checked, setChecked] = useState(member.isContactPerson);
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="formId" value={formId} />
      <input type="hidden" name="intent" value="contact" />
      <input type="hidden" name="userId" value={member.userId} />
      <CheckboxField
        key={fields.isContactPerson.key}
        label="Ansprechperson für den Kreis"
        field={fields.isContactPerson}
        inputProps={{ onChange: (e) => setChecked(e.currentTarget.checked) }}
      />
      <Field
        key={fields.contactTitle.key}
        label="Funktion"
        hint={checked ? "z. B. „Bereichsleitung ambulante Hilfen“" : "Nur für Ansprechpersonen"}
        field={fields.contactTitle}
      />
      <FormMessage id={form.errorId} errors={form.errors} />
      <Button type="submit" variant="secondary" disabled={busy} aria-label={`Speichern: Ansprechperson ${member.fullName}`}>
        Speichern
      </Button>
    </Form>
  );
}

function RemoveForm({ member }: { member: Member }) {
  const formId = `remove-${member.userId}`;
  const [form] = useForm({ id: formId, lastResult: useResultFor(formId) });
  const busy = useBusy(formId);
  return (
    <div className="lg:col-span-2">
      <details open={Boolean(form.errors?.length)}>
        <summary className="flex min-h-11 cursor-pointer list-none items-center text-sm font-semibold text-red-800">
          Aus dem Träger entfernen …
        </summary>
        <Form method="post" {...getFormProps(form)} className="mt-2 space-y-2 rounded-lg border border-red-200 bg-red-50 p-3">
          <input type="hidden" name="formId" value={formId} />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="userId" value={member.userId} />
          <p className="text-sm text-red-900">
            {member.fullName} verliert den Zugang zu allem, was nur Mitglieder des Trägers sehen. Das Konto bleibt bestehen.
          </p>
          <FormMessage id={form.errorId} errors={form.errors} />
          <Button type="submit" variant="danger" disabled={busy}>
            Ja, {member.fullName} entfernen
          </Button>
        </Form>
      </details>
    </div>
  );
}

function InviteForm({ viewerRole }: { viewerRole: OrgRole }) {
  const formId = "invite";
  const schema = MemberIntentSchemas.invite;
  const [form, fields] = useForm({
    id: formId,
    lastResult: useResultFor(formId),
    constraint: getZodConstraint(schema),
    defaultValue: { role: "member" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const busy = useBusy(formId);
  const options = roleOptions(viewerRole);
  return (
    <section aria-labelledby="invite-heading">
      <Card>
        <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">
          Kolleg:in einladen
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Die Person bekommt eine E-Mail mit einem Link, der sieben Tage gilt. Sie tritt mit genau dieser E-Mail-Adresse bei.
        </p>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
          <input type="hidden" name="formId" value={formId} />
          <input type="hidden" name="intent" value="invite" />
          <FormKeyField />
          <FormMessage id={form.errorId} errors={form.errors} />
          <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
            <Field
              key={fields.email.key}
              label="E-Mail-Adresse"
              field={fields.email}
              type="email"
              inputProps={{ autoComplete: "off" }}
            />
            <SelectField
              key={fields.role.key}
              label="Rolle"
              field={fields.role}
              options={options}
            />
          </div>
          <details className="text-sm">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-800">Was dürfen die Rollen?</summary>
            <dl className="mt-1 space-y-2 text-slate-700">
              {options.map((o) => (
                <div key={o.value}>
                  <dt className="font-semibold">{o.label}</dt>
                  <dd>{ROLE_DESCRIPTIONS[o.value]}</dd>
                </div>
              ))}
            </dl>
          </details>
          <Button type="submit" disabled={busy}>
            {busy ? "Wird verschickt …" : "Einladung verschicken"}
          </Button>
        </Form>
      </Card>
    </section>
  );
}

function InvitationCard({ invitation, viewerRole }: { invitation: Invitation; viewerRole: OrgRole }) {
  const withdrawId = `withdraw-${invitation.id}`;
  const [form] = useForm({ id: withdrawId, lastResult: useResultFor(withdrawId) });
  const busy = useBusy(withdrawId);
  const canResend = invitation.role !== "owner" || viewerRole === "owner";
  return (
    <Card as="li" className="!p-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="min-w-0">
          <p className="wrap-anywhere font-semibold text-slate-900">{invitation.email}</p>
          <p className="text-sm text-slate-600">
            {ROLE_LABELS[invitation.role]}
            {invitation.invitedBy ? ` · eingeladen von ${invitation.invitedBy}` : ""}
          </p>
          <p className="mt-1 text-sm">
            {invitation.expired ? (
              <Badge tone="amber">Abgelaufen am {invitation.expiresOn}</Badge>
            ) : (
              <span className="text-slate-700">Gültig bis {invitation.expiresOn}</span>
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canResend ? (
            <Form method="post">
              <input type="hidden" name="formId" value="invite" />
              <input type="hidden" name="intent" value="invite" />
              <input type="hidden" name="email" value={invitation.email} />
              <input type="hidden" name="role" value={invitation.role} />
              <Button type="submit" variant="secondary" className="!px-3" aria-label={`Erneut senden an ${invitation.email}`}>
                Erneut senden
              </Button>
            </Form>
          ) : null}
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="formId" value={withdrawId} />
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="invitationId" value={invitation.id} />
            <Button
              type="submit"
              variant="secondary"
              className="!px-3"
              disabled={busy}
              aria-label={`Zurückziehen: Einladung an ${invitation.email}`}
            >
              Zurückziehen
            </Button>
          </Form>
        </div>
      </div>
      <div className="mt-2">
        <FormMessage id={form.errorId} errors={form.errors} />
      </div>
    </Card>
  );
}

function LeaveForm({ orgName, lastOwner }: { orgName: string; lastOwner: boolean }) {
  const formId = "leave";
  const [form] = useForm({ id: formId, lastResult: useResultFor(formId) });
  const busy = useBusy(formId);
  return (
    <section aria-labelledby="leave-heading" className="border-t border-slate-200 pt-6">
      <h2 id="leave-heading" className="text-lg font-semibold text-slate-900">
        Träger verlassen
      </h2>
      {lastOwner ? (
        <p className="mt-1 text-sm text-slate-600">
          Sie sind die einzige Inhaberin bzw. der einzige Inhaber. Ernennen Sie zuerst eine weitere Person zur Inhaber:in, dann können Sie gehen.
        </p>
      ) : (
        <details className="mt-1" open={Boolean(form.errors?.length)}>
          <summary className="flex min-h-11 cursor-pointer list-none items-center text-sm font-semibold text-red-800">
            {orgName} verlassen …
          </summary>
          <Form method="post" {...getFormProps(form)} className="mt-2 space-y-2 rounded-lg border border-red-200 bg-red-50 p-3">
            <input type="hidden" name="formId" value={formId} />
            <input type="hidden" name="intent" value="leave" />
            <p className="text-sm text-red-900">
              Sie verlieren den Zugang zu allem, was nur Mitglieder von {orgName} sehen. Zurück kommen Sie nur mit einer neuen Einladung.
            </p>
            <FormMessage id={form.errorId} errors={form.errors} />
            <Button type="submit" variant="danger" disabled={busy}>
              Ja, {orgName} verlassen
            </Button>
          </Form>
        </details>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
