// Inviting people to the Träger, and the open invitations.
import { getFormProps, useForm } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { OrgRole } from "~/.server/db/schema";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { FormKeyField } from "~/components/ui/form-key";
import { useAnswerFor as useResultFor, useBusy } from "~/components/ui/intent-form";
import { Badge, Card, FormMessage } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/i18n/labels";
import { roleOptions, useConstraints, type Invitation } from "./shared";

export function InviteForm({ viewerRole }: { viewerRole: OrgRole }) {
  const formId = "invite";
  const validation = useLazyValidation(() => import("~/validation/orgs").then((m) => m.MemberIntentSchemas.invite), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: formId,
    lastResult: useResultFor(formId),
    constraint: useConstraints().invite,
    defaultValue: { role: "member" },
    ...validation,
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

export function InvitationCard({ invitation, viewerRole }: { invitation: Invitation; viewerRole: OrgRole }) {
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
