// A member's card on the members page and its forms: role, contact person, removal.
import { getFormProps, useForm } from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { useState } from "react";
import type { OrgRole } from "~/.server/db/schema";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, SelectField } from "~/components/ui/field";
import { useAnswerFor as useResultFor, useBusy } from "~/components/ui/intent-form";
import { Badge, Card, FormMessage } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { ROLE_LABELS } from "~/i18n/labels";
import { roleOptions, useConstraints, type Member } from "./shared";

export function MemberCard({ member, viewerRole, isMe, canManage }: { member: Member; viewerRole: OrgRole; isMe: boolean; canManage: boolean }) {
  const ownerRowForAdmin = member.role === "owner" && viewerRole !== "owner";
  const actionData = useActionData() as { formId?: string } | undefined;
  const answered = Boolean(actionData?.formId?.endsWith(`-${member.userId}`));
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

export function RoleForm({ member, viewerRole }: { member: Member; viewerRole: OrgRole }) {
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

export function ContactForm({ member }: { member: Member }) {
  const formId = `contact-${member.userId}`;
  const validation = useLazyValidation(() => import("~/validation/orgs").then((m) => m.MemberIntentSchemas.contact), {
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: formId,
    lastResult: useResultFor(formId),
    constraint: useConstraints().contact,
    defaultValue: { isContactPerson: member.isContactPerson ? "on" : undefined, contactTitle: member.contactTitle ?? "" },
    ...validation,
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

export function RemoveForm({ member }: { member: Member }) {
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
