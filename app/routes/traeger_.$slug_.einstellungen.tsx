// The Träger's profile as the circle sees it, edited by its owners and admins.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/.server/auth/session";
import { createTraegerFeed, feedPath, revokeTraegerFeed, traegerFeedState } from "~/.server/calendar/subscriptions";
import { env } from "~/.server/env";
import { CalendarFeedCard } from "~/components/calendar/feed-card";
import { replyToRefusal, type RefusalFields } from "~/.server/forms/reply";
import { requireOrgRole } from "~/.server/orgs/access";
import { loadEditableProfile, referenceLists, updateProfile } from "~/.server/orgs/profile";
import { redirectWithToast } from "~/.server/toast";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OrgNav } from "~/components/org-nav";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, ErrorList, Field, SelectField, TextareaField } from "~/components/ui/field";
import { Card, FormMessage, PageHeader } from "~/components/ui/layout";
import { useLazyValidation } from "~/components/ui/lazy-validation";
import { LEGAL_FORM_OPTIONS, LEITBILD_MAX, ORG_KIND_OPTIONS } from "~/i18n/labels";
import { hilfeartOptions } from "~/i18n/hilfearten";
import { invariantResponse } from "~/utils/invariant";
import { gemeindeOptionGroups } from "~/utils/gemeinden";
import { paths } from "~/utils/links";
import { orgProfileSchema } from "~/validation/orgs";
import { numberText } from "~/utils/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Einstellungen · ${data.org.name} · Trägerkreis` : "Einstellungen · Trägerkreis" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const membership = await requireOrgRole(user, params.slug ?? "", "admin");
  const [profile, lists, feed] = await Promise.all([
    loadEditableProfile(user, membership.orgId),
    referenceLists(user),
    traegerFeedState(user, membership.orgId),
  ]);
  invariantResponse(profile, "Nicht gefunden");
  return {
    org: { slug: membership.slug, name: membership.name, role: membership.role },
    profile,
    lists,
    constraint: getZodConstraint(orgProfileSchema(profileCodes(lists))),
    calendarFeed: { active: feed.active, createdAt: feed.createdAt?.toISOString() ?? null },
  };
}

/** The codes the profile form may send (its schema checks them). */
function profileCodes(lists: { hilfearten: Array<{ code: string }>; gemeinden: Array<{ code: string }> }) {
  return { hilfeartCodes: lists.hilfearten.map((h) => h.code), gemeindeCodes: lists.gemeinden.map((g) => g.code) };
}

/** The form field a refusal of the profile belongs under. */
const PROFILE_FIELDS: RefusalFields = { TK_UNKNOWN_HILFEART: "hilfearten", TK_UNKNOWN_GEMEINDE: "gemeinden" };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const membership = await requireOrgRole(user, params.slug ?? "", "admin");
  const schema = orgProfileSchema(profileCodes(await referenceLists(user)));
  const formData = await request.formData();
  // The Träger's team calendar (its own small forms on this page).
  const intent = formData.get("intent");
  if (intent === "traeger-calendar-create") {
    const token = await createTraegerFeed(user, membership.orgId);
    return { feedUrl: new URL(feedPath(token), env().APP_URL).toString() };
  }
  if (intent === "traeger-calendar-revoke") {
    await revokeTraegerFeed(user, membership.orgId);
    return redirectWithToast(paths.orgSettings(membership.slug), {
      title: "Der Teamkalender ist widerrufen.",
      description: "Der alte Link funktioniert nicht mehr.",
    });
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return { result: submission.reply() };

  let saved: boolean;
  try {
    saved = await updateProfile(user, membership.orgId, submission.value);
  } catch (error) {
    return { result: replyToRefusal(submission, error, PROFILE_FIELDS) };
  }
  invariantResponse(saved, "Nicht gefunden");
  return redirectWithToast(paths.orgSettings(membership.slug), {
    title: "Profil gespeichert.",
    description: "Der Kreis sieht die Änderungen ab sofort.",
  });
}

export default function OrgSettings() {
  const { org, profile, lists, constraint, calendarFeed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/orgs").then((m) => m.orgProfileSchema(profileCodes(lists))), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id: "org-profile",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint,
    defaultValue: {
      name: profile.name,
      kind: profile.kind,
      legalForm: profile.legalForm ?? "",
      leitbild: profile.leitbild,
      street: profile.street ?? "",
      postalCode: profile.postalCode ?? "",
      city: profile.city ?? "",
      phone: profile.phone ?? "",
      email: profile.email ?? "",
      website: profile.website ?? "",
    },
    ...validation,
  });
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";


  return (
    <div>
      <OrgNav slug={org.slug} orgName={org.name} role={org.role} />
      <PageHeader title={org.name} description="Profil bearbeiten: Das sieht der Kreis im Verzeichnis." />
      <Form method="post" {...getFormProps(form)} className="space-y-6">
        <FormMessage id={form.errorId} errors={form.errors} />

        <Card>
          <h2 className="mb-4 text-lg font-semibold text-slate-900">Grunddaten</h2>
          <div className="space-y-5">
            <Field
              key={fields.name.key}
              label="Name des Trägers"
              field={fields.name}
              inputProps={{ autoComplete: "organization" }}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <SelectField
                key={fields.kind.key}
                label="Art"
                field={fields.kind}
                options={ORG_KIND_OPTIONS}
              />
              <SelectField
                key={fields.legalForm.key}
                label="Rechtsform (optional)"
                field={fields.legalForm}
                options={LEGAL_FORM_OPTIONS}
              />
            </div>
            <TextareaField
              key={fields.leitbild.key}
              label="Leitbild (optional)"
              hint={`Wofür Ihr Träger steht und wie Sie arbeiten. Höchstens ${numberText(LEITBILD_MAX)} Zeichen.`}
              field={fields.leitbild}
              textareaProps={{ rows: 8 }}
            />
          </div>
        </Card>

        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Hilfearten</h2>
          <CheckboxGroup
            key={fields.hilfearten.key}
            className="mt-1"
            legend="Welche Hilfen nach SGB VIII bietet Ihr Träger an?"
            name={fields.hilfearten.name}
            options={hilfeartOptions(lists.hilfearten)}
            defaultValue={profile.hilfearten}
            errors={fields.hilfearten.errors}
          />
        </Card>

        <Card>
          <fieldset>
            <legend className="text-lg font-semibold text-slate-900">Einzugsgebiet</legend>
            <p className="text-sm text-slate-600">In welchen Gemeinden und Städten ist Ihr Träger tätig?</p>
            <div className="mt-4 space-y-5">
              {gemeindeOptionGroups(lists.gemeinden).map((group) => (
                <CheckboxGroup
                  key={`${fields.gemeinden.key ?? ""}-${group.label}`}
                  legend={group.label}
                  name={fields.gemeinden.name}
                  options={group.options}
                  defaultValue={profile.gemeinden}
                />
              ))}
            </div>
            <ErrorList id={fields.gemeinden.errorId} errors={fields.gemeinden.errors} />
          </fieldset>
        </Card>

        <Card>
          <h2 className="mb-4 text-lg font-semibold text-slate-900">Adresse und Kontakt</h2>
          <div className="space-y-5">
            <Field
              key={fields.street.key}
              label="Straße und Hausnummer"
              field={fields.street}
              inputProps={{ autoComplete: "street-address" }}
            />
            <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
              <Field
                key={fields.postalCode.key}
                label="Postleitzahl"
                field={fields.postalCode} inputProps={{ inputMode: "numeric",
                  autoComplete: "postal-code" }}
              />
              <Field
                key={fields.city.key}
                label="Ort"
                field={fields.city}
                inputProps={{ autoComplete: "address-level2" }}
              />
            </div>
            <div className="grid gap-5 sm:grid-cols-2">
              <Field
                key={fields.phone.key}
                label="Telefon"
                field={fields.phone}
                type="tel"
                inputProps={{ autoComplete: "tel" }}
              />
              <Field
                key={fields.email.key}
                label="E-Mail"
                field={fields.email}
                type="email"
                inputProps={{ autoComplete: "email" }}
              />
            </div>
            <Field
              key={fields.website.key}
              label="Website"
              hint="Mit https://, z. B. https://www.beispiel.de"
              field={fields.website}
              inputProps={{ inputMode: "url", autoComplete: "url" }}
            />
          </div>
        </Card>

        <div className="flex flex-col gap-2 sm:flex-row sm:justify-end">
          <Button type="submit" disabled={busy}>
            {busy ? "Wird gespeichert …" : "Profil speichern"}
          </Button>
        </div>
      </Form>
      <div className="mt-6">
        <CalendarFeedCard
          id="teamkalender"
          title="Teamkalender abonnieren"
          intro="Ein gemeinsamer Kalender-Link für Ihr Team: Treffen und Fortbildungen der Kreise Ihres Trägers, die Zeiträume seiner Vertretungsanfragen und der Vertretungen, die er übernimmt, Terminumfragen und seine Aufgaben – ohne die persönlichen Anmeldungen einzelner Mitglieder."
          active={calendarFeed.active}
          createdAt={calendarFeed.createdAt}
          feedUrl={actionData && "feedUrl" in actionData ? (actionData.feedUrl ?? null) : null}
          createIntent="traeger-calendar-create"
          revokeIntent="traeger-calendar-revoke"
        />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
