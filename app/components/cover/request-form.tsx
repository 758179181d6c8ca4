// The requester's form for a cover request (new and draft): the need (urgency, kind, Hilfeart,
// Gemeinde/Sozialraum, period, hours), requirements, the description with the live Sozialdaten
// screen, the pseudonymous case reference, the handover notes (apart, released only to the
// accepted Träger), the contact person, and who sees it first. "Als Entwurf speichern" or
// "Veröffentlichen"; publishing needs the confirmation "enthält keine Sozialdaten".
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useMemo, useState } from "react";
import type { CoverFormOptions } from "~/.server/cover/requests";
import { Button } from "~/components/ui/button";
import { CheckboxField, ErrorList, Field, OptionRow, SelectField, TextareaField } from "~/components/ui/field";
import { FormMessage } from "~/components/ui/layout";
import { COVER_DESCRIPTION_MAX, COVER_GENDERS, COVER_KINDS, COVER_URGENCIES, GENDER_LABELS, KIND_LABELS, URGENCY_HINTS, URGENCY_LABELS } from "~/i18n/cover";
import { ROLE_LABELS } from "~/i18n/labels";
import { hilfeartOptions } from "~/i18n/hilfearten";
import { gemeindeOptionGroups } from "~/utils/gemeinden";
import { screenSozialdaten, sozialdatenKey, SOZIALDATEN_HINWEIS, SOZIALDATEN_KIND_LABELS, SOZIALDATEN_WOHIN } from "~/utils/sozialdaten";
import { useLazyValidation, type FormConstraint } from "~/components/ui/lazy-validation";
import { FormKeyField } from "~/components/ui/form-key";
import { paths } from "~/utils/links";

export type CoverFormDefaults = {
  orgId?: string;
  networkId?: string;
  urgency?: string;
  hilfeart?: string;
  gemeinde?: string;
  sozialraum?: string;
  periodFrom?: string;
  periodTo?: string;
  hoursPerWeek?: string;
  kind?: string;
  qualification?: string;
  languages?: string;
  needsDrivingLicence?: boolean;
  needsCar?: boolean;
  genderRequirement?: string;
  genderReason?: string;
  description?: string;
  caseReference?: string;
  handoverNotes?: string;
  contactUserId?: string;
  addressing?: string;
  recipients?: string[];
  widenAt?: string;
  partnersAt?: string;
  requiresFachkraft?: boolean;
  noSozialdaten?: boolean;
  sozialdatenSeen?: string;
};

function Section({ title, hint, children, tone = "plain" }: { title: string; hint?: React.ReactNode; children: React.ReactNode; tone?: "plain" | "private" }) {
  return (
    <fieldset
      className={`space-y-4 rounded-xl border p-4 shadow-sm sm:p-6 ${
        tone === "private" ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"
      }`}
    >
      <legend className="-ml-1 px-1 text-lg font-semibold text-slate-900">{title}</legend>
      {hint ? <div className="-mt-2 text-sm text-slate-700">{hint}</div> : null}
      {children}
    </fieldset>
  );
}

export function CoverRequestForm({
  id,
  action,
  lastResult,
  defaults,
  options,
  constraint,
  mode,
}: {
  id: string;
  action: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: CoverFormDefaults;
  options: CoverFormOptions;
  /** getZodConstraint(CoverRequestFormSchema), from the loader. */
  constraint: FormConstraint;
  mode: "new" | "draft";
}) {
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/cover").then((m) => m.CoverRequestFormSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({
    id,
    lastResult,
    constraint,
    defaultValue: defaults,
    ...validation,
  });
  const busy = navigation.state !== "idle" && navigation.formAction === action;
  const busyIntent = busy ? navigation.formData?.get("intent") : null;

  const orgs = [...new Map(options.posters.map((p) => [p.orgId, p.orgName])).entries()];
  const networks = [...new Map(options.posters.map((p) => [p.networkId, p.networkName])).entries()];
  const chosenOrg = fields.orgId.value ?? defaults.orgId ?? orgs[0]?.[0];
  const chosenNetwork = fields.networkId.value ?? defaults.networkId ?? networks[0]?.[0];

  /** A field's initial value(s) as conform holds them: the defaults, or what a refused submit sent. */
  const initial = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : []);

  // The Sozialdaten screen runs while typing; the findings shown are sent back, so the server
  // knows the person saw exactly these before publishing. (initialValue: after a refused submit,
  // also without JavaScript, what was sent.)
  const [description, setDescription] = useState(initial(fields.description.initialValue)[0] ?? "");
  // An over-long description is refused by the schema before any screening (the field error says
  // so); screening it here as well would cost the time the length limit saves.
  const allFindings = useMemo(
    () => (description.length <= COVER_DESCRIPTION_MAX ? screenSozialdaten(description) : []),
    [description],
  );
  // Hard identifiers are refused (the schema says so under the field); names are warnings the
  // person confirms.
  const refused = allFindings.filter((f) => f.severity === "refuse");
  const findings = allFindings.filter((f) => f.severity === "warn");

  // "Für den ganzen Kreis ab": +2 h for a Notfall, +24 h otherwise, until the person sets it.
  const [widenTouched, setWidenTouched] = useState(Boolean(defaults.widenAt));
  const widenDefault =
    initial(fields.widenAt.initialValue)[0] || (defaults.urgency === "notfall" ? options.widenDefaults.notfall : options.widenDefaults.other);

  const recipientOptions = options.circleOrgs.filter((o) => o.networkId === chosenNetwork && o.id !== chosenOrg);
  const colleagueOptions = options.colleagues.filter((c) => c.orgId === chosenOrg);
  // Radios and checkboxes written by hand take their initial state from conform, which after a
  // refused submit (also without JavaScript) holds what was sent.
  const initialUrgency = initial(fields.urgency.initialValue)[0];
  const chosenRecipients = new Set(initial(fields.recipients.initialValue));
  const addressingDefault = initial(fields.addressing.initialValue)[0] ?? "circle";
  const [partnersTouched, setPartnersTouched] = useState(Boolean(defaults.partnersAt));
  const partnersDefault =
    initial(fields.partnersAt.initialValue)[0] ||
    (defaults.urgency === "notfall" ? options.partnersDefaults.notfall : options.partnersDefaults.other);
  const favouriteCount = options.favouriteCounts[chosenOrg ?? ""] ?? 0;
  const chosenSlug = options.posters.find((p) => p.orgId === chosenOrg)?.orgSlug;

  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-6">
      <FormKeyField />
      {/* Enter in a text field saves a draft, never publishes. */}
      <button type="submit" name="intent" value="draft" tabIndex={-1} aria-hidden="true" className="sr-only">
        Als Entwurf speichern
      </button>
      <FormMessage id={form.errorId} errors={form.errors} />

      <Section title="Bedarf">
        {mode === "new" && orgs.length > 1 ? (
          <SelectField
            key={fields.orgId.key}
            label="Anfragender Träger"
            field={fields.orgId}
            options={orgs.map(([value, label]) => ({ value, label }))}
          />
        ) : (
          <>
            <input type="hidden" name={fields.orgId.name} value={chosenOrg ?? ""} />
            {mode === "new" ? (
              <p className="text-sm text-slate-700">
                Anfragender Träger: <span className="font-semibold">{orgs[0]?.[1]}</span>
              </p>
            ) : null}
            <ErrorList errors={fields.orgId.errors} />
          </>
        )}
        {mode === "new" && networks.length > 1 ? (
          <SelectField
            key={fields.networkId.key}
            label="Kreis"
            field={fields.networkId}
            options={networks.map(([value, label]) => ({ value, label }))}
          />
        ) : (
          <input type="hidden" name={fields.networkId.name} value={chosenNetwork ?? ""} />
        )}

        <fieldset aria-describedby={fields.urgency.errors?.length ? `${fields.urgency.id}-error` : undefined}>
          <legend className="text-sm font-medium text-slate-800">Dringlichkeit</legend>
          <div className="mt-1 grid grid-cols-3 gap-2">
            {COVER_URGENCIES.map((u) => (
              <label
                key={u}
                className={`flex min-h-11 cursor-pointer flex-col items-center justify-center rounded-lg border-2 px-2 py-2 text-center text-sm has-[:checked]:font-semibold ${
                  u === "notfall"
                    ? "border-slate-200 has-[:checked]:border-red-700 has-[:checked]:bg-red-50 has-[:checked]:text-red-900"
                    : u === "dringend"
                      ? "border-slate-200 has-[:checked]:border-amber-600 has-[:checked]:bg-amber-50 has-[:checked]:text-amber-900"
                      : "border-slate-200 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:checked]:text-brand-900"
                } has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500`}
              >
                <input
                  type="radio"
                  name={fields.urgency.name}
                  value={u}
                  defaultChecked={initialUrgency === u}
                  className="sr-only"
                  onChange={() => {
                    const widen = document.getElementById(fields.widenAt.id);
                    if (!widenTouched && widen instanceof HTMLInputElement) {
                      widen.value = u === "notfall" ? options.widenDefaults.notfall : options.widenDefaults.other;
                    }
                    const partners = document.getElementById(fields.partnersAt.id);
                    if (!partnersTouched && partners instanceof HTMLInputElement) {
                      partners.value = u === "notfall" ? options.partnersDefaults.notfall : options.partnersDefaults.other;
                    }
                  }}
                />
                <span>{URGENCY_LABELS[u]}</span>
                <span className="text-xs font-normal text-slate-600">{URGENCY_HINTS[u]}</span>
              </label>
            ))}
          </div>
          <ErrorList id={`${fields.urgency.id}-error`} errors={fields.urgency.errors} />
        </fieldset>

        <SelectField
          key={fields.kind.key}
          label="Art"
          field={fields.kind}
          options={COVER_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        />
        <SelectField
          key={fields.hilfeart.key}
          label="Hilfeart"
          field={fields.hilfeart}
          options={[{ value: "", label: "Bitte wählen …" }, ...hilfeartOptions(options.hilfearten)]}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            key={fields.gemeinde.key}
            label="Gemeinde"
            field={fields.gemeinde}
            options={[{ value: "", label: "Bitte wählen …" }, ...gemeindeOptionGroups(options.gemeinden)]}
          />
          <Field
            key={fields.sozialraum.key}
            label="Sozialraum (optional)"
            hint="z. B. Stadtteil – keine Straße"
            field={fields.sozialraum}
          />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field
            key={fields.periodFrom.key}
            label="Von"
            field={fields.periodFrom}
            type="date"
          />
          <Field
            key={fields.periodTo.key}
            label="Bis"
            field={fields.periodTo}
            type="date"
          />
        </div>
        <Field
          key={fields.hoursPerWeek.key}
          label="Stunden pro Woche (Fachleistungsstunden)"
          hint="Mehr als 0, höchstens 60, z. B. 20 oder 12,5"
          field={fields.hoursPerWeek}
          inputProps={{ inputMode: "decimal", autoComplete: "off" }}
          className="sm:max-w-xs"
        />
      </Section>

      <Section title="Anforderungen">
        <Field
          key={fields.qualification.key}
          label="Qualifikation (optional)"
          hint="z. B. Sozialpädagogin/Sozialpädagoge, Erfahrung mit SPFH"
          field={fields.qualification}
        />
        <Field
          key={fields.languages.key}
          label="Sprachen (optional)"
          hint="Mehrere mit Komma trennen, z. B. Türkisch, Arabisch"
          field={fields.languages}
        />
        <CheckboxField
          key={fields.requiresFachkraft.key}
          label={
            <>
              <span className="font-medium">Fachkraft erforderlich (§ 72 SGB VIII)</span>
              <span className="block text-slate-600">
                Angebote müssen eine Person aus der Personalliste nennen, die als Fachkraft eingetragen ist und ein aktuelles
                erweitertes Führungszeugnis hat.
              </span>
            </>
          }
          field={fields.requiresFachkraft}
        />
        <div className="grid gap-1 sm:grid-cols-2">
          <CheckboxField
            key={fields.needsDrivingLicence.key}
            label="Führerschein nötig"
            field={fields.needsDrivingLicence}
          />
          <CheckboxField
            key={fields.needsCar.key}
            label="Eigenes Auto nötig"
            field={fields.needsCar}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            key={fields.genderRequirement.key}
            label="Geschlecht der Fachkraft (optional)"
            field={fields.genderRequirement}
            options={[{ value: "", label: "Keine Vorgabe" }, ...COVER_GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))]}
          />
          <Field
            key={fields.genderReason.key}
            label="Begründung"
            hint="Nur mit Vorgabe nötig, z. B. „Umgang mit Mädchen nach Gewalterfahrung“"
            field={fields.genderReason}
          />
        </div>
      </Section>

      <Section
        title="Beschreibung"
        hint="Beschreiben Sie den Bedarf, nicht die Familie: Was soll die Fachkraft tun, wie oft, was ist zu beachten?"
      >
        <TextareaField
          key={fields.description.key}
          label="Beschreibung"
          field={fields.description} textareaProps={{ rows: 5,
            onInput: (event) => setDescription(event.currentTarget.value) }}
        />
        <input type="hidden" name={fields.sozialdatenSeen.name} value={sozialdatenKey(findings)} />
        {refused.length > 0 ? (
          <div role="alert" className="rounded-lg border-2 border-red-400 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-semibold">So kann die Anfrage nicht gespeichert werden: Sie enthält Sozialdaten.</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {refused.map((f) => (
                <li key={`${f.kind}-${f.index}`}>
                  <strong>„{f.match}“</strong> – {SOZIALDATEN_KIND_LABELS[f.kind]}
                </li>
              ))}
            </ul>
            <p className="mt-2">{SOZIALDATEN_WOHIN}</p>
          </div>
        ) : null}
        {findings.length > 0 ? (
          <div role="alert" className="rounded-lg border-2 border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            <p className="font-semibold">Achtung: Das sieht nach einem Namen aus.</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {findings.map((f) => (
                <li key={`${f.kind}-${f.index}`}>{f.message}</li>
              ))}
            </ul>
            <p className="mt-2">
              Nach §§ 61–65 SGB VIII dürfen Sozialdaten nur für den Zweck weitergegeben werden, für den sie erhoben wurden. Die
              Anfrage sehen alle Träger des Kreises. Namen, Geburtsdaten und Anschriften gehören in die Übergabenotizen unten.
            </p>
          </div>
        ) : null}
        <Field
          key={fields.caseReference.key}
          label="Fallkürzel (optional)"
          hint="Pseudonym, z. B. F-2026-014 – nie ein Name. Trägerkreis zeigt es nur Ihrem Träger."
          field={fields.caseReference}
          inputProps={{ autoComplete: "off", className: "uppercase" }}
          className="sm:max-w-xs"
        />
      </Section>

      <Section
        title="Übergabenotizen"
        tone="private"
        hint={
          <p className="flex items-start gap-2 font-semibold text-amber-900">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="mt-0.5 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
              <rect x="5" y="11" width="14" height="10" rx="2" />
              <path d="M8 11V7a4 4 0 0 1 8 0v4" />
            </svg>
            Nur für den Träger, dessen Angebot angenommen wird. Die Freigabe wird protokolliert.
          </p>
        }
      >
        <TextareaField
          key={fields.handoverNotes.key}
          label="Was die übernehmende Fachkraft wissen muss (optional)"
          hint="Hier dürfen Namen, Anschrift und Termine stehen. Sie bleiben bei Ihrem Träger, bis Sie ein Angebot annehmen."
          field={fields.handoverNotes}
          textareaProps={{ rows: 4 }}
        />
      </Section>

      <Section title="Kontakt und Sichtbarkeit">
        <SelectField
          key={fields.contactUserId.key}
          label="Ansprechperson Ihres Trägers"
          hint="Der übernehmende Träger sieht sie nach der Zusage mit Telefon und E-Mail."
          field={fields.contactUserId}
          options={colleagueOptions.map((c) => ({ value: c.userId, label: `${c.name} (${ROLE_LABELS[c.role]})` }))}
        />
        <div className="group/addr space-y-3">
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Wer sieht die Anfrage?</legend>
            <div className="mt-1 space-y-1">
              <OptionRow type="radio" name={fields.addressing.name} value="circle" defaultChecked={addressingDefault === "circle"}>
                <span className="font-medium">Der ganze Kreis</span> – alle Träger, die Gemeinde und Hilfeart anbieten, werden
                benachrichtigt.
              </OptionRow>
              <OptionRow id={`${id}-addressed`} type="radio" name={fields.addressing.name} value="addressed" defaultChecked={addressingDefault === "addressed"}>
                <span className="font-medium">Zuerst an bestimmte Träger</span> – danach automatisch für den ganzen Kreis.
              </OptionRow>
              <OptionRow id={`${id}-favourites`} type="radio" name={fields.addressing.name} value="favourites" defaultChecked={addressingDefault === "favourites"}>
                <span className="font-medium">Zuerst an unsere Favoriten</span> – dann an Partner-Träger, mit denen Sie schon
                vertreten haben, dann an den ganzen Kreis.
                <span className="block text-slate-600">
                  {favouriteCount === 0 ? "Ihr Träger hat noch keine Favoriten." : favouriteCount === 1 ? "1 Favorit" : `${favouriteCount} Favoriten`}
                  {chosenSlug ? (
                    <>
                      {" · "}
                      <a href={paths.orgFavourites(chosenSlug)} className="font-medium text-brand-800 underline underline-offset-2">
                        Favoriten verwalten
                      </a>
                    </>
                  ) : null}
                </span>
              </OptionRow>
            </div>
            <ErrorList id={`${fields.addressing.id}-error`} errors={fields.addressing.errors} />
          </fieldset>
          <div className="hidden space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3 group-has-[input[value=addressed]:checked]/addr:block group-has-[input[value=favourites]:checked]/addr:block">
            <fieldset className="hidden group-has-[input[value=addressed]:checked]/addr:block" aria-describedby={fields.recipients.errors?.length ? `${id}-recipients-error` : undefined}>
              <legend className="text-sm font-medium text-slate-800">Zuerst an</legend>
              <div className="mt-1 grid gap-1 sm:grid-cols-2">
                {recipientOptions.map((o) => (
                  <OptionRow
                    key={o.id}
                    type="checkbox"
                    name={fields.recipients.name}
                    value={o.id}
                    defaultChecked={chosenRecipients.has(o.id)}
                    hoverClass="hover:bg-white"
                  >
                    {o.name}
                  </OptionRow>
                ))}
              </div>
              <ErrorList id={`${id}-recipients-error`} errors={fields.recipients.errors} />
            </fieldset>
            <div className="hidden group-has-[input[value=favourites]:checked]/addr:block">
              <Field
                label="Ab dann an Partner-Träger"
                hint="Vorschlag: bei Notfall in 1 Stunde, sonst in 12 Stunden"
                field={fields.partnersAt}
                type="datetime-local"
                inputProps={{ defaultValue: partnersDefault, onInput: () => setPartnersTouched(true) }}
                className="sm:max-w-xs"
              />
            </div>
            <Field
              label="Danach für den ganzen Kreis ab"
              hint="Vorschlag: bei Notfall in 2 Stunden, sonst in 24 Stunden"
              field={fields.widenAt} type="datetime-local" inputProps={{ defaultValue: widenDefault,
                onInput: () => setWidenTouched(true) }}
              className="sm:max-w-xs"
            />
          </div>
        </div>
      </Section>

      <section className="space-y-4 rounded-xl border-2 border-brand-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 className="text-lg font-semibold text-slate-900">Datenschutz bestätigen</h2>
        <p className="text-sm text-slate-700">{SOZIALDATEN_HINWEIS}</p>
        <CheckboxField
          key={fields.noSozialdaten.key}
          label={<span className="font-semibold">Die Beschreibung enthält keine Sozialdaten.</span>}
          field={fields.noSozialdaten}
        />
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button type="submit" name="intent" value="draft" variant="secondary" disabled={busy}>
            {busyIntent === "draft" ? "Wird gespeichert …" : "Als Entwurf speichern"}
          </Button>
          <Button type="submit" name="intent" value="publish" disabled={busy}>
            {busyIntent === "publish" ? "Wird veröffentlicht …" : "Veröffentlichen"}
          </Button>
        </div>
        <p className="text-xs text-slate-600">
          Ein Entwurf ist nur für Ihren Träger sichtbar. Beim Veröffentlichen werden die passenden Träger per E-Mail und in der
          App benachrichtigt.
        </p>
      </section>
    </Form>
  );
}
