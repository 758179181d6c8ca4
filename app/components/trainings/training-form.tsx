// The organizer's form for a training (create and edit): what it is about, one or more sessions
// (rows added and removed with conform's list intents, which also work without JavaScript), place
// or online link, seats and fee, deadlines, contingent per Träger, approvals, co-organizers.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { CheckboxField, ErrorList, Field, OptionRow, SelectField, TextareaField } from "~/components/ui/field";
import { FormMessage } from "~/components/ui/layout";
import { AUDIENCE_LABELS, MAX_SESSIONS, TRAINING_AUDIENCES } from "~/i18n/trainings";
import { gemeindeOptionGroups } from "~/utils/gemeinden";
import { useLazyValidation, type FormConstraint } from "~/components/ui/lazy-validation";
import { FormKeyField } from "~/components/ui/form-key";

export type TrainingFormDefaults = {
  orgId?: string;
  networkId?: string;
  title?: string;
  description?: string;
  topic?: string;
  audience?: string;
  speaker?: string;
  sessions: Array<{ date: string; start: string; end: string }>;
  place?: string;
  gemeinde?: string;
  onlineUrl?: string;
  capacity?: string;
  minParticipants?: string;
  goNoGoDate?: string;
  fee?: string;
  registrationDeadline?: string;
  cancellationDeadline?: string;
  defaultContingent?: string;
  contingentReleaseAt?: string;
  needsOrgApproval?: boolean;
  needsOrganizerApproval?: boolean;
  offerHours?: string;
  teachingUnits?: string;
  coOrganizers?: string[];
};

export type TrainingFormOptions = {
  organizers: Array<{ orgId: string; orgName: string; networkId: string; networkName: string }>;
  topics: Array<{ code: string; label: string }>;
  gemeinden: Array<{ code: string; name: string; kreis: string }>;
  /** Träger of the circle(s) that may co-organise. */
  circleOrgs: Array<{ id: string; name: string }>;
};

/** A group of fields in a card. The legend floats, so a long one wraps inside the card. */
function Section({ title, hint, children, describedBy }: { title: string; hint?: string; children: React.ReactNode; describedBy?: string }) {
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" aria-describedby={describedBy}>
      <legend className="float-left w-full text-lg font-semibold text-slate-900">{title}</legend>
      <div className="clear-left space-y-4 pt-1">
        {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
        {children}
      </div>
    </fieldset>
  );
}

export function TrainingForm({
  id,
  action,
  lastResult,
  defaults,
  options,
  constraint,
  mode,
  lead,
}: {
  id: string;
  action: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: TrainingFormDefaults;
  options: TrainingFormOptions;
  /** getZodConstraint(TrainingFormSchema), from the loader. */
  constraint: FormConstraint;
  /** new: draft or publish; draft: save or publish; published: save changes. */
  mode: "new" | "draft" | "published";
  /** Co-organizers can be changed by the lead Träger only. */
  lead: boolean;
}) {
  const navigation = useNavigation();
  const validation = useLazyValidation(() => import("~/validation/trainings").then((m) => m.TrainingFormSchema), {
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [form, fields] = useForm({ id, lastResult, constraint, defaultValue: defaults, ...validation });
  const busy = navigation.state !== "idle" && navigation.formAction === action;
  const busyIntent = busy ? navigation.formData?.get("intent") : null;
  const sessions = fields.sessions.getFieldList();
  const orgs = [...new Map(options.organizers.map((o) => [o.orgId, o.orgName])).entries()];
  const networks = [...new Map(options.organizers.map((o) => [o.networkId, o.networkName])).entries()];
  const chosenOrg = fields.orgId.value ?? defaults.orgId;
  const chosenCoOrganizers = new Set(defaults.coOrganizers ?? []);

  return (
    <Form method="post" action={action} {...getFormProps(form)} className="space-y-6">
      <FormKeyField />
      {/* Enter in a text field submits with the first submit button: saving, not adding a session. */}
      <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="sr-only">
        Speichern
      </button>
      <FormMessage id={form.errorId} errors={form.errors} />

      <Section title="Worum geht es?">
        {mode === "new" ? (
          orgs.length > 1 ? (
            <SelectField
              key={fields.orgId.key}
              label="Veranstaltender Träger"
              field={fields.orgId}
              options={orgs.map(([value, label]) => ({ value, label }))}
            />
          ) : (
            <>
              <input type="hidden" name={fields.orgId.name} value={orgs[0]?.[0] ?? ""} />
              <p className="text-sm text-slate-700">
                Veranstalter: <span className="font-semibold">{orgs[0]?.[1]}</span>
              </p>
              <ErrorList errors={fields.orgId.errors} />
            </>
          )
        ) : (
          <input type="hidden" name={fields.orgId.name} value={defaults.orgId} />
        )}
        {mode === "new" && networks.length > 1 ? (
          <SelectField
            key={fields.networkId.key}
            label="Kreis"
            field={fields.networkId}
            options={networks.map(([value, label]) => ({ value, label }))}
          />
        ) : (
          <input type="hidden" name={fields.networkId.name} value={defaults.networkId ?? networks[0]?.[0] ?? ""} />
        )}
        <Field
          key={fields.title.key}
          label="Titel"
          hint="Kurz und konkret, z. B. „Deeskalation im Alltag der ambulanten Hilfen“."
          field={fields.title}
        />
        <TextareaField
          key={fields.description.key}
          label="Beschreibung (optional)"
          hint="Inhalte, Methoden, was Teilnehmende mitbringen sollen."
          field={fields.description}
          textareaProps={{ rows: 6 }}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField
            key={fields.topic.key}
            label="Thema"
            field={fields.topic}
            options={[{ value: "", label: "Bitte wählen" }, ...options.topics.map((t) => ({ value: t.code, label: t.label }))]}
          />
          <SelectField
            key={fields.audience.key}
            label="Zielgruppe"
            field={fields.audience}
            options={[{ value: "", label: "Bitte wählen" }, ...TRAINING_AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))]}
          />
        </div>
        <Field key={fields.speaker.key} label="Referent:in (optional)" field={fields.speaker} />
        <Field
          key={fields.teachingUnits.key}
          label="Unterrichtseinheiten (optional)"
          hint="Für die Teilnahmebescheinigung. Leer: aus der Dauer der Termine berechnet (1 UE = 45 Minuten)."
          field={fields.teachingUnits}
          inputProps={{ inputMode: "decimal" }}
        />
      </Section>

      <Section title="Termine" hint="Ein oder mehrere Termine in zeitlicher Reihenfolge (Uhrzeiten in deutscher Zeit).">
        <ErrorList id={fields.sessions.errorId} errors={fields.sessions.errors} />
        <ol className="space-y-3">
          {sessions.map((session, index) => {
            const s = session.getFieldset();
            return (
              <li key={session.key} className="rounded-lg border border-slate-200 p-3">
                <div className="mb-2 flex items-center justify-between gap-2">
                  <p className="text-sm font-semibold text-slate-800">Termin {index + 1}</p>
                  {sessions.length > 1 ? (
                    <button
                      {...form.remove.getButtonProps({ name: fields.sessions.name, index })}
                      className="min-h-11 rounded-lg px-3 text-sm font-semibold text-red-800 hover:bg-red-50"
                      aria-label={`Termin ${index + 1} entfernen`}
                    >
                      Entfernen
                    </button>
                  ) : null}
                </div>
                <div className="grid grid-cols-2 gap-3 sm:grid-cols-[2fr_1fr_1fr]">
                  <Field key={s.date.key} className="col-span-2 sm:col-span-1" label="Datum" field={s.date} type="date" />
                  <Field key={s.start.key} label="Beginn" errors={s.start.errors} field={s.start} type="time" />
                  <Field key={s.end.key} label="Ende" errors={s.end.errors} field={s.end} type="time" />
                </div>
              </li>
            );
          })}
        </ol>
        {sessions.length < MAX_SESSIONS ? (
          <Button
            variant="secondary"
            {...form.insert.getButtonProps({ name: fields.sessions.name, defaultValue: { date: "", start: "09:00", end: "16:00" } })}
          >
            Weiteren Termin hinzufügen
          </Button>
        ) : null}
      </Section>

      <Section title="Ort" hint="Eine Adresse mit Gemeinde, ein Online-Link oder beides.">
        <Field
          key={fields.place.key}
          label="Adresse"
          hint="z. B. „Bildungshaus, Am Markt 1, 46483 Wesel“"
          field={fields.place}
          inputProps={{ autoComplete: "street-address" }}
        />
        <SelectField
          key={fields.gemeinde.key}
          label="Gemeinde"
          field={fields.gemeinde}
          options={[{ value: "", label: "Keine (nur online)" }, ...gemeindeOptionGroups(options.gemeinden)]}
        />
        <Field
          key={fields.onlineUrl.key}
          label="Online-Link (optional)"
          hint="Beginnt mit https://. Der Kreis sieht ihn auf der Seite der Fortbildung."
          field={fields.onlineUrl}
          type="url"
          inputProps={{ placeholder: "https://" }}
        />
      </Section>

      <Section title="Plätze und Kosten">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field key={fields.capacity.key} label="Plätze insgesamt" field={fields.capacity} type="number" />
          <Field
            key={fields.fee.key}
            label="Gebühr pro Platz in Euro"
            hint="Leer oder 0: kostenfrei. z. B. 45 oder 45,50"
            field={fields.fee}
            inputProps={{ inputMode: "decimal" }}
          />
          <Field key={fields.minParticipants.key} label="Mindestteilnehmendenzahl (optional)" field={fields.minParticipants} type="number" />
          <Field
            key={fields.goNoGoDate.key}
            label="Entscheidung, ob sie stattfindet, am"
            hint="Sind an diesem Tag weniger bestätigt, werden Sie gefragt."
            field={fields.goNoGoDate}
            type="date"
          />
        </div>
      </Section>

      <Section title="Fristen" hint="Beide optional; sie müssen vor dem ersten Termin liegen.">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field key={fields.registrationDeadline.key} label="Anmeldeschluss" field={fields.registrationDeadline} type="datetime-local" />
          <Field
            key={fields.cancellationDeadline.key}
            label="Stornofrist"
            hint="Bis dahin können Teilnehmende einen Platz zurückgeben."
            field={fields.cancellationDeadline}
            type="datetime-local"
          />
          <Field
            key={fields.offerHours.key}
            label="Nachrücken: Angebot gilt (Stunden)"
            hint="Wird ein Platz frei, hat die oder der Erste der Warteliste so lange Zeit zum Annehmen."
            field={fields.offerHours}
            type="number"
          />
        </div>
      </Section>

      <Section
        title="Kontingent pro Träger (optional)"
        hint="Damit alle Träger eine Chance haben: Jeder Träger kann bis zum Freigabedatum höchstens so viele Plätze belegen. Danach stehen freie Plätze allen offen."
      >
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field key={fields.defaultContingent.key} label="Höchstens Plätze pro Träger" field={fields.defaultContingent} type="number" />
          <Field key={fields.contingentReleaseAt.key} label="Freigabe für alle ab" field={fields.contingentReleaseAt} type="datetime-local" />
        </div>
      </Section>

      <Section title="Freigaben">
        <CheckboxField
          key={fields.needsOrgApproval.key}
          label="Anmeldungen brauchen die Freigabe der Leitung des eigenen Trägers (Inhaber:in oder Administrator:in)"
          field={fields.needsOrgApproval}
        />
        <CheckboxField
          key={fields.needsOrganizerApproval.key}
          label="Anmeldungen brauchen unsere Freigabe als Veranstalter"
          field={fields.needsOrganizerApproval}
        />
        <p className="text-sm text-slate-600">Eine Anmeldung, die auf Freigabe wartet, hält ihren Platz.</p>
      </Section>

      {lead && options.circleOrgs.length > 0 ? (
        <Section
          title="Mitveranstalter (optional)"
          hint="Mitveranstaltende Träger sehen den Entwurf und die Anmeldungen und können die Fortbildung mit verwalten."
          describedBy={fields.coOrganizers.errors ? fields.coOrganizers.errorId : undefined}
        >
          <div className="grid gap-1 sm:grid-cols-2">
            {options.circleOrgs
              .filter((o) => o.id !== chosenOrg)
              .map((o) => (
                <OptionRow key={o.id} type="checkbox" name={fields.coOrganizers.name} value={o.id} defaultChecked={chosenCoOrganizers.has(o.id)}>
                  {o.name}
                </OptionRow>
              ))}
          </div>
          <ErrorList id={fields.coOrganizers.errorId} errors={fields.coOrganizers.errors} />
        </Section>
      ) : (
        (defaults.coOrganizers ?? []).map((orgId) => <input key={orgId} type="hidden" name={fields.coOrganizers.name} value={orgId} />)
      )}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        {mode === "published" ? (
          <Button type="submit" name="intent" value="save" disabled={busy}>
            {busyIntent === "save" ? "Wird gespeichert …" : "Änderungen speichern"}
          </Button>
        ) : (
          <>
            <Button type="submit" name="intent" value="save" variant="secondary" disabled={busy}>
              {busyIntent === "save" ? "Wird gespeichert …" : "Als Entwurf speichern"}
            </Button>
            <Button type="submit" name="intent" value="publish" disabled={busy}>
              {busyIntent === "publish" ? "Wird veröffentlicht …" : "Speichern und veröffentlichen"}
            </Button>
          </>
        )}
      </div>
    </Form>
  );
}
